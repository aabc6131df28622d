# Briefwright. `make brief` and `make test` work on a fresh clone with Node 20 and npm.
.PHONY: brief test build install bench eval schema clean

NODE_MODULES := node_modules/.package-lock.json
SOURCE_DATE_EPOCH ?= $(shell git log -1 --format=%ct 2>/dev/null || echo 0)
export SOURCE_DATE_EPOCH

$(NODE_MODULES): package.json package-lock.json
	npm ci --no-audit --no-fund
	@touch $(NODE_MODULES)

install: $(NODE_MODULES)

# tsc type-checks and compiles to dist/src (tests import those modules); esbuild then bundles the
# CLI and its worker into dist/brief, which is what `brief` runs: one file per lazily loaded part
# instead of hundreds of modules to resolve and read at every start.
BUNDLE := --bundle --splitting --format=esm --platform=node --target=node20 --outdir=dist/brief \
	--entry-names=[name] --external:piscina --external:pdfjs-dist --log-level=warning \
	--banner:js="import { createRequire as briefRequire } from 'node:module'; const require = briefRequire(import.meta.url);"

build: $(NODE_MODULES)
	npx tsc -p tsconfig.json
	rm -rf dist/brief
	npx esbuild dist/src/cli/main.js dist/src/cli/workers/analyze-worker.js $(BUNDLE)
	node dist/src/cache/write-code-hash.js dist/brief

# Regenerate the committed JSON Schema after changing src/model/schema.ts (a test checks they match).
schema: build
	node dist/src/model/write-schema.js schema/model.schema.json

brief: build
	node dist/brief/main.js build --sources sources --out out

test: build
	npx vitest run $(VITEST_ARGS)

eval: build
	node dist/brief/main.js eval --dataset ../shared/eval/nus

bench: build
	node dist/bench/run.js

clean:
	rm -rf dist out .briefwright-cache
