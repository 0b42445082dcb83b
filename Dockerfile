# One image for both processes: the web process (default command) and the worker
# (`node --import tsx workers/triage.worker.ts`, see docker-compose.yml). Runs the TypeScript sources with tsx.
FROM node:20-bookworm-slim

# git: the worker clones the repositories it triages. tini is provided by `init: true` in compose.
RUN apt-get update \
 && apt-get install -y --no-install-recommends git ca-certificates \
 && rm -rf /var/lib/apt/lists/*

WORKDIR /app
ENV NODE_ENV=production \
    HOST=0.0.0.0 \
    PORT=3000 \
    MLTRIAGE_CACHE_DIR=/var/cache/mltriage

COPY package.json package-lock.json ./
RUN npm ci --omit=dev && npm cache clean --force

COPY tsconfig.json ./
COPY src ./src
COPY workers ./workers
COPY models ./models

RUN mkdir -p /var/cache/mltriage && chown node:node /var/cache/mltriage
USER node

EXPOSE 3000
HEALTHCHECK --interval=15s --timeout=5s --start-period=20s --retries=3 \
  CMD node -e "fetch('http://127.0.0.1:'+(process.env.PORT||3000)+'/healthz').then(r=>process.exit(r.ok?0:1),()=>process.exit(1))"

# node directly (not npm) so SIGTERM reaches the process and the graceful shutdown runs.
CMD ["node", "--import", "tsx", "src/server/main.ts"]
