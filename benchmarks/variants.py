"""The 15 named variants as WebP (and AVIF) against a JPEG q85 baseline, side by side.

    .venv/bin/python -m benchmarks.variants [--source demo/media/moon_4k.jpg] [--runs 3]
    .venv/bin/python -m benchmarks.variants --sweep     # how WEBP/AVIF options were chosen

Both pipelines decode the source once (the site's own ``source.prepare``: draft,
EXIF, colour conversion) and resize with the site's own processors; they differ
only in the encoder. Runs alternate between the two so drift hits both; the
median run is reported. SSIM is on luma with an 11x11 Gaussian window (sigma 1.5,
Wang et al. 2004), of the WebP variant against the JPEG variant, and of both
against the unencoded resized image ("pristine").

Targets (issue 5): WebP time <= 1.1x JPEG, WebP bytes <= 65 % of JPEG, SSIM >= 0.95.
"""

import argparse
import io
import statistics
import time
from pathlib import Path

import numpy as np

from benchmarks._django import ROOT, setup

setup()

from PIL import Image, ImageOps  # noqa: E402
from pilkit.processors import ProcessorPipeline  # noqa: E402

from media_styles.source import normalise, prepare  # noqa: E402
from media_styles.specs import AVIF_OPTIONS, SIZES, WEBP_OPTIONS  # noqa: E402
from media_styles.variants import pyramid, resize  # noqa: E402

JPEG_OPTIONS = {"quality": 85}
# CPU seconds of this process (all its threads), not wall time: on a shared machine
# other jobs stretch wall time unevenly between runs. AVIF encodes on several
# threads, so its CPU time is its full cost.
clock = time.process_time
DEMO = ROOT / "demo" / "media"


def site_pipeline(data, fmt, options):
    """What a save does: decode once, shared halvings, each size, encode."""
    start = clock()
    source = prepare(data)
    levels = pyramid(source.image)
    out = {name: encode(resize(levels, size), fmt, options) for name, size in SIZES.items()}
    return clock() - start, out


def baseline_pipeline(data, fmt, options):
    """The plain way: decode once, resize every size from the decoded source, encode."""
    start = clock()
    source = prepare(data)
    out = {}
    for name, size in SIZES.items():
        resized = ProcessorPipeline(size.processors()).process(source.image)
        out[name] = encode(resized, fmt, options)
    return clock() - start, out


def encode(img, fmt, options):
    buffer = io.BytesIO()
    img.save(buffer, fmt, **options)
    return buffer.getvalue()


def pristine(data):
    """Reference: full decode (no draft), one full Lanczos resample per size, no encoding."""
    img = Image.open(io.BytesIO(data))
    img = normalise(img)
    out = {}
    for name, size in SIZES.items():
        if size.crops:
            out[name] = ImageOps.fit(img, (size.width, size.height), Image.Resampling.LANCZOS)
        else:
            height = round(img.height * size.width / img.width)
            out[name] = img.resize((size.width, height), Image.Resampling.LANCZOS)
    return out


def luma(img):
    return np.asarray(img.convert("L"), dtype=np.float64)


def _blur(x, kernel):
    taps = len(kernel)
    rows = sum(k * x[i : x.shape[0] - taps + 1 + i, :] for i, k in enumerate(kernel))
    return sum(k * rows[:, i : rows.shape[1] - taps + 1 + i] for i, k in enumerate(kernel))


def ssim(a, b, sigma=1.5, taps=11):
    offsets = np.arange(taps) - taps // 2
    kernel = np.exp(-(offsets**2) / (2 * sigma**2))
    kernel /= kernel.sum()
    c1, c2 = (0.01 * 255) ** 2, (0.03 * 255) ** 2
    mu_a, mu_b = _blur(a, kernel), _blur(b, kernel)
    var_a = _blur(a * a, kernel) - mu_a**2
    var_b = _blur(b * b, kernel) - mu_b**2
    cov = _blur(a * b, kernel) - mu_a * mu_b
    index = ((2 * mu_a * mu_b + c1) * (2 * cov + c2)) / (
        (mu_a**2 + mu_b**2 + c1) * (var_a + var_b + c2)
    )
    return float(index.mean())


def decode(blob):
    return luma(Image.open(io.BytesIO(blob)))


RUNS = [
    # label, pipeline, format, options
    ("jpeg baseline", baseline_pipeline, "JPEG", JPEG_OPTIONS),
    ("webp (site)", site_pipeline, "WEBP", WEBP_OPTIONS),
    ("jpeg (site path)", site_pipeline, "JPEG", JPEG_OPTIONS),
    ("avif (site)", site_pipeline, "AVIF", AVIF_OPTIONS),
]


def compare(data, runs):
    timings = {label: [] for label, *_ in RUNS}
    outputs = {}
    decode_times = []
    for _ in range(runs):  # alternate so load on the machine hits every pipeline alike
        for label, run, fmt, options in RUNS:
            seconds, outputs[label] = run(data, fmt, options)
            timings[label].append(seconds)
        start = clock()
        prepare(data)
        decode_times.append(clock() - start)
    reference = {name: luma(img) for name, img in pristine(data).items()}
    jpeg, webp, avif = outputs["jpeg baseline"], outputs["webp (site)"], outputs["avif (site)"]
    print(f"{'variant':<12}{'jpeg B':>9}{'webp B':>9}{'avif B':>9}{'webp/jpg':>9}"
          f"{'ssim w/j':>9}{'ssim j/p':>9}{'ssim w/p':>9}{'ssim a/p':>9}")  # fmt: skip
    worst = 1.0
    for name in SIZES:
        j, w, a = decode(jpeg[name]), decode(webp[name]), decode(avif[name])
        against_jpeg = ssim(w, j)
        worst = min(worst, against_jpeg)
        sizes = [len(jpeg[name]), len(webp[name]), len(avif[name])]
        print(f"{name:<12}{sizes[0]:>9}{sizes[1]:>9}{sizes[2]:>9}{sizes[1] / sizes[0]:>9.2f}"
              f"{against_jpeg:>9.3f}{ssim(j, reference[name]):>9.3f}"
              f"{ssim(w, reference[name]):>9.3f}{ssim(a, reference[name]):>9.3f}")  # fmt: skip
    seconds = {label: statistics.median(values) for label, values in timings.items()}
    total = {label: sum(len(blob) for blob in out.values()) for label, out in outputs.items()}
    print(f"\n{'pipeline':<18}{'options':<30}{'median CPU ms':>14}{'bytes':>10}   (runs: {runs})")
    for label, _, _, options in RUNS:
        print(f"{label:<18}{str(options):<30}{seconds[label] * 1000:>14.0f}{total[label]:>10}")
    base = seconds["jpeg baseline"]
    both = seconds["webp (site)"] + seconds["avif (site)"] - statistics.median(decode_times)
    print()
    print(f"WebP / JPEG baseline time   {seconds['webp (site)'] / base:.2f}x  (target <= 1.10x)")
    print(f"WebP / JPEG baseline bytes  {total['webp (site)'] / total['jpeg baseline']:.1%}  "
          f"(target <= 65 %)")  # fmt: skip
    print(f"min SSIM WebP vs JPEG       {worst:.3f}  (target >= 0.95)")
    print(f"WebP / JPEG, same site path {seconds['webp (site)'] / seconds['jpeg (site path)']:.2f}x"
          f"  (encoder cost alone)")  # fmt: skip
    print(f"AVIF / WebP bytes           {total['avif (site)'] / total['webp (site)']:.0%}")
    print(f"a save (WebP + AVIF, one decode) / JPEG baseline time  {both / base:.2f}x")


def sweep():
    """Bytes and SSIM per encoder setting over every demo image; how the options were chosen."""
    images = {p.name: p.read_bytes() for p in sorted(DEMO.glob("*")) if p.suffix in IMAGE_SUFFIXES}
    prepared = {}
    for name, data in images.items():
        _, jpeg = site_pipeline(data, "JPEG", JPEG_OPTIONS)
        reference = {k: luma(v) for k, v in pristine(data).items()}
        prepared[name] = (jpeg, {k: decode(v) for k, v in jpeg.items()}, reference)
        fidelity = statistics.mean(ssim(decode(jpeg[k]), reference[k]) for k in jpeg)
        print(f"{name}: JPEG q85 mean SSIM vs pristine {fidelity:.3f}")
    print(f"\n{'image':<24}{'setting':<16}{'bytes/jpeg':>11}{'min w/j':>9}{'mean w/j':>9}"
          f"{'mean /p':>9}{'ms':>7}")  # fmt: skip
    settings = [("WEBP", {"quality": q, "method": 2}) for q in (75, 80, 85)]
    settings += [("WEBP", {"quality": 80, "method": m}) for m in (0, 4)]
    settings += [("AVIF", {"quality": q, "speed": 9}) for q in (55, 60, 65)]
    for fmt, options in settings:
        for name, data in images.items():
            jpeg, jpeg_luma, reference = prepared[name]
            seconds, out = site_pipeline(data, fmt, options)
            decoded = {k: decode(v) for k, v in out.items()}
            against_jpeg = [ssim(decoded[k], jpeg_luma[k]) for k in out]
            against_reference = [ssim(decoded[k], reference[k]) for k in out]
            ratio = sum(map(len, out.values())) / sum(map(len, jpeg.values()))
            setting = f"{fmt.lower()} " + " ".join(f"{k[0]}{v}" for k, v in options.items())
            print(f"{name:<24}{setting:<16}{ratio:>11.0%}{min(against_jpeg):>9.3f}"
                  f"{statistics.mean(against_jpeg):>9.3f}"
                  f"{statistics.mean(against_reference):>9.3f}{seconds * 1000:>7.0f}")  # fmt: skip


IMAGE_SUFFIXES = {".jpg", ".jpeg", ".png", ".gif", ".webp"}


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--source", type=Path, default=DEMO / "moon_4k.jpg")
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--sweep", action="store_true")
    args = parser.parse_args()
    if args.sweep:
        sweep()
        return
    data = args.source.read_bytes()
    with Image.open(io.BytesIO(data)) as img:
        print(f"source {args.source.name}: {img.width}x{img.height} {img.format}, "
              f"{len(data)} bytes; 15 variants each")  # fmt: skip
    compare(data, args.runs)


if __name__ == "__main__":
    main()
