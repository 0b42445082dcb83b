// RoIAlign forward on CUDA (average of bilinear samples per output bin).
//
// Not used by the image classifiers yet: it backs the region-pooling head that is still on the roadmap.
// Built only when TINY_VISION_BUILD_EXT=1 (see setup.py). There is no backward pass yet.

#include <ATen/ATen.h>
#include <ATen/cuda/CUDAContext.h>
#include <c10/cuda/CUDAGuard.h>
#include <torch/extension.h>

namespace tiny_vision {
namespace {

constexpr int kThreadsPerBlock = 256;

template <typename scalar_t>
__device__ scalar_t bilinear_sample(const scalar_t* plane, int height, int width, scalar_t y, scalar_t x) {
  // Samples more than one pixel outside the feature map contribute zero.
  if (y < -1.0 || y > height || x < -1.0 || x > width) return 0;
  y = max(y, static_cast<scalar_t>(0));
  x = max(x, static_cast<scalar_t>(0));
  int y0 = static_cast<int>(y);
  int x0 = static_cast<int>(x);
  int y1 = min(y0 + 1, height - 1);
  int x1 = min(x0 + 1, width - 1);
  if (y0 >= height - 1) y = y0 = height - 1;
  if (x0 >= width - 1) x = x0 = width - 1;
  scalar_t ly = y - y0, lx = x - x0;
  scalar_t hy = 1 - ly, hx = 1 - lx;
  return hy * hx * plane[y0 * width + x0] + hy * lx * plane[y0 * width + x1] +
         ly * hx * plane[y1 * width + x0] + ly * lx * plane[y1 * width + x1];
}

template <typename scalar_t>
__global__ void roi_align_forward_kernel(int total, const scalar_t* input, const scalar_t* rois, int channels,
                                         int height, int width, int pooled_h, int pooled_w, scalar_t scale,
                                         int sampling_ratio, bool aligned, scalar_t* output) {
  for (int idx = blockIdx.x * blockDim.x + threadIdx.x; idx < total; idx += blockDim.x * gridDim.x) {
    int pw = idx % pooled_w;
    int ph = (idx / pooled_w) % pooled_h;
    int c = (idx / pooled_w / pooled_h) % channels;
    int n = idx / pooled_w / pooled_h / channels;

    // rois: (K, 5) rows of (batch index, x1, y1, x2, y2) in input-image coordinates.
    const scalar_t* roi = rois + n * 5;
    int batch = static_cast<int>(roi[0]);
    scalar_t offset = aligned ? static_cast<scalar_t>(0.5) : static_cast<scalar_t>(0);
    scalar_t x_start = roi[1] * scale - offset;
    scalar_t y_start = roi[2] * scale - offset;
    scalar_t roi_w = roi[3] * scale - offset - x_start;
    scalar_t roi_h = roi[4] * scale - offset - y_start;
    if (!aligned) {
      roi_w = max(roi_w, static_cast<scalar_t>(1));
      roi_h = max(roi_h, static_cast<scalar_t>(1));
    }
    scalar_t bin_h = roi_h / pooled_h;
    scalar_t bin_w = roi_w / pooled_w;
    int grid_h = sampling_ratio > 0 ? sampling_ratio : static_cast<int>(ceil(roi_h / pooled_h));
    int grid_w = sampling_ratio > 0 ? sampling_ratio : static_cast<int>(ceil(roi_w / pooled_w));
    int count = max(grid_h * grid_w, 1);

    const scalar_t* plane = input + (batch * channels + c) * height * width;
    scalar_t sum = 0;
    for (int iy = 0; iy < grid_h; ++iy) {
      scalar_t y = y_start + ph * bin_h + (iy + static_cast<scalar_t>(0.5)) * bin_h / grid_h;
      for (int ix = 0; ix < grid_w; ++ix) {
        scalar_t x = x_start + pw * bin_w + (ix + static_cast<scalar_t>(0.5)) * bin_w / grid_w;
        sum += bilinear_sample(plane, height, width, y, x);
      }
    }
    output[idx] = sum / count;
  }
}

}  // namespace

at::Tensor roi_align_forward_cuda(const at::Tensor& input, const at::Tensor& rois, double spatial_scale,
                                  int64_t pooled_h, int64_t pooled_w, int64_t sampling_ratio, bool aligned) {
  TORCH_CHECK(input.is_cuda(), "roi_align: input must be a CUDA tensor");
  TORCH_CHECK(rois.is_cuda(), "roi_align: rois must be a CUDA tensor");
  TORCH_CHECK(input.dim() == 4, "roi_align: expected input of shape (N, C, H, W), got ", input.sizes());
  TORCH_CHECK(rois.dim() == 2 && rois.size(1) == 5, "roi_align: expected rois of shape (K, 5), got ", rois.sizes());
  TORCH_CHECK(input.scalar_type() == rois.scalar_type(), "roi_align: input and rois must have the same dtype, got ",
              input.scalar_type(), " and ", rois.scalar_type());

  at::cuda::CUDAGuard device_guard(input.device());
  auto input_c = input.contiguous();
  auto rois_c = rois.contiguous();
  const auto channels = input.size(1);
  auto output = at::zeros({rois.size(0), channels, pooled_h, pooled_w}, input.options());
  const int total = static_cast<int>(output.numel());
  if (total == 0) return output;

  const int blocks = std::min<int>((total + kThreadsPerBlock - 1) / kThreadsPerBlock, 4096);
  cudaStream_t stream = at::cuda::getCurrentCUDAStream();
  AT_DISPATCH_FLOATING_TYPES_AND_HALF(input.scalar_type(), "roi_align_forward_cuda", [&] {
    roi_align_forward_kernel<scalar_t><<<blocks, kThreadsPerBlock, 0, stream>>>(
        total, input_c.data_ptr<scalar_t>(), rois_c.data_ptr<scalar_t>(), static_cast<int>(channels),
        static_cast<int>(input.size(2)), static_cast<int>(input.size(3)), static_cast<int>(pooled_h),
        static_cast<int>(pooled_w), static_cast<scalar_t>(spatial_scale), static_cast<int>(sampling_ratio), aligned,
        output.data_ptr<scalar_t>());
  });
  C10_CUDA_KERNEL_LAUNCH_CHECK();
  return output;
}

}  // namespace tiny_vision

PYBIND11_MODULE(TORCH_EXTENSION_NAME, m) {
  m.def("roi_align_forward", &tiny_vision::roi_align_forward_cuda, "RoIAlign forward (CUDA)");
}
