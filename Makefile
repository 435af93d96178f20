# iccsim — build, run and test on a Debian machine.
# `make demo` runs the bundled default job; `make test` runs the test suite.

SWIFT ?= swift
# The Swift runtime and Foundation are linked statically: the dynamic loader then has far fewer
# symbols to bind at start-up, which took about a fifth of a short `iccsim run` (one run: 34 ms
# of CPU with shared libraries, 28 ms static; the binary grows from 35 MB to 107 MB).
# On an x86-64 processor with the x86-64-v3 instruction set (AVX2, FMA, BMI2, MOVBE: Intel since
# 2013, AMD since 2015) the compiler may use it, which takes about a tenth off a long `iccsim run`
# (the loops over runs vectorise four wide). The results stay the same bit for bit: Swift never
# fuses a multiply and an add on its own, and the math library picks its routines at run time
# either way (Benchmarks/README.md shows the check). The binary then needs such a processor;
# `make build CPU_FLAGS=` builds one for any x86-64.
CPU_FLAGS ?= $(shell grep -qw avx2 /proc/cpuinfo 2>/dev/null && grep -qw fma /proc/cpuinfo \
  && grep -qw bmi2 /proc/cpuinfo && grep -qw movbe /proc/cpuinfo && echo -Xswiftc -target-cpu -Xswiftc haswell)
BUILD_FLAGS ?= -c release --static-swift-stdlib $(CPU_FLAGS)

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
