# iccsim — build, run and test on a Debian machine.
# `make demo` runs the bundled default job; `make test` runs the test suite.

SWIFT ?= swift
# The Swift runtime and Foundation are linked statically: the dynamic loader then has far fewer
# symbols to bind at start-up, which took about a fifth of a short `iccsim run` (one run: 34 ms
# of CPU with shared libraries, 28 ms static; the binary grows from 35 MB to 107 MB).
BUILD_FLAGS ?= -c release --static-swift-stdlib

.PHONY: deps build demo test bench clean

deps:
	@pkg-config --exists lapack blas 2>/dev/null || { \
	  echo "installing liblapack-dev (LAPACK/BLAS)"; \
	  apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq liblapack-dev libblas-dev pkg-config; }

build: deps
	$(SWIFT) build $(BUILD_FLAGS) --product iccsim

# The binary `build` made, run directly (`swift run` does not take --static-swift-stdlib).
demo: build
	"$$($(SWIFT) build $(BUILD_FLAGS) --show-bin-path)/iccsim"

test: deps
	$(SWIFT) test --parallel

bench: deps
	$(SWIFT) run -c release --package-path Benchmarks least-squares-benchmark
	$(SWIFT) run -c release --package-path Benchmarks simulation-benchmark
	$(SWIFT) run -c release --package-path Benchmarks estimation-benchmark
	$(SWIFT) run -c release --package-path Benchmarks sensitivity-benchmark
	$(SWIFT) run -c release --package-path Benchmarks evidence-benchmark
	$(SWIFT) run -c release --package-path Benchmarks prim-benchmark
	$(SWIFT) build $(BUILD_FLAGS) --product iccsim
	$(SWIFT) run -c release --package-path Benchmarks run-command-benchmark

clean:
	rm -rf .build Benchmarks/.build
