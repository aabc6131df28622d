# Briefwright. `make brief` and `make test` work on a fresh clone with Node 20, 22 or 24 and npm.
.PHONY: brief test build compile install bench eval schema clean node-smoke

NODE_MODULES := node_modules/.package-lock.json
SOURCE_DATE_EPOCH ?= $(shell git log -1 --format=%ct 2>/dev/null || echo 0)
export SOURCE_DATE_EPOCH

$(NODE_MODULES): package.json package-lock.json
	npm ci --no-audit --no-fund
	@touch $(NODE_MODULES)

install: $(NODE_MODULES)

# tsc type-checks and compiles to dist/src (tests import those modules); esbuild then bundles the
# CLI and its workers into dist/brief, which is what `brief` runs: one file per lazily loaded part
# instead of hundreds of modules to resolve and read at every start.
BUNDLE := --bundle --splitting --format=esm --platform=node --target=node20 --outdir=dist/brief \
	--entry-names=[name] --external:piscina --external:pdfjs-dist --log-level=warning \
	--banner:js="import { createRequire as briefRequire } from 'node:module'; const require = briefRequire(import.meta.url);"

# The library entry (src/index.ts) is bundled with the CLI, so both share their chunks; tsc also
# writes the type declarations (dist/src/**/*.d.ts) the package ships. Nothing is redone when no
# input changed since the last build (the stamp), so npm's `prepare` and a later `make build` cost
# one build, not two.
BUILD_STAMP := dist/.build-stamp
BUILD_INPUTS := $(shell find src bench -name '*.ts') tsconfig.json package.json package-lock.json Makefile

build: $(NODE_MODULES) $(BUILD_STAMP)

# `npm install` runs this (package.json `prepare`) once it has installed the dependencies itself.
compile: $(BUILD_STAMP)

# The stamp takes the time the build started, so a file edited while it ran is rebuilt next time.
$(BUILD_STAMP): $(BUILD_INPUTS)
	@mkdir -p dist && touch $@.start
	npx tsc -p tsconfig.json
	rm -rf dist/brief
	npx esbuild dist/src/cli/main.js dist/src/cli/workers/analyze-worker.js dist/src/cli/workers/reference-worker.js dist/src/index.js $(BUNDLE)
	node dist/src/cache/write-code-hash.js dist/brief
	@# The most frequent words' vectors, compact (see src/synthesize/word-vectors.ts); made once.
	test -f dist/word-vectors.bin || node dist/src/synthesize/word-vectors.js dist/word-vectors.bin
	@mv $@.start $@

# Regenerate the committed JSON Schema after changing src/model/schema.ts (a test checks they match).
schema: build
	node dist/src/model/write-schema.js schema/model.schema.json

brief: build
	node dist/brief/main.js build --sources sources --out out

test: build
	npx vitest run $(VITEST_ARGS)

eval: build
	node dist/brief/main.js eval --dataset ../shared/eval/nus

# BENCH_NODE=path/to/node runs the program on another Node (the issue-20 figures are for Node 24;
# `.ci/node-smoke` shows how to get one from npm).
bench: build
	node dist/bench/run.js $(if $(BENCH_NODE),--node $(BENCH_NODE)) $(BENCH_ARGS)

# A build of the bundled papers on Node 22 and 24 beside this Node's; outputs compared byte for byte.
node-smoke: build
	.ci/node-smoke

clean:
	rm -rf dist out .briefwright-cache
