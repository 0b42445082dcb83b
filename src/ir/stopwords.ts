/**
 * Words that carry no signal for locating a file. English function words, Python keywords and the
 * names every Python file repeats (`self`, `cls`, `def`...), and the filler of bug reports
 * ("please", "thanks"). Compared before stemming, in lower case.
 */
const ENGLISH = `a about above after again against all am an and any are aren as at be because been before being
below between both but by can cannot could couldn did didn do does doesn doing don down during each few for from
further had hadn has hasn have haven having he her here hers herself him himself his how i if in into is isn it its
itself let me more most mustn my myself no nor not of off on once only or other ought our ours ourselves out over
own same shan she should shouldn so some such than that the their theirs them themselves then there these they this
those through to too under until up very was wasn we were weren what when where which while who whom why with won
would wouldn you your yours yourself yourselves also just like get got use using used one two would could may might
will shall im ive dont doesnt didnt cant isnt wont thats it's i'm please thanks thank hi hello anyone someone
something seems seem still however though even way etc eg ie via`;

const PYTHON = `and as assert async await break class continue def del elif else except finally for from global if
import in is lambda nonlocal not or pass raise return try while with yield none true false self cls print len range
str int float bool dict list tuple set object super init kwargs args`;

export const STOP_WORDS: ReadonlySet<string> = new Set([...ENGLISH.split(/\s+/), ...PYTHON.split(/\s+/)].filter(Boolean));
