# Briefwright. `make brief` and `make test` work on a fresh clone with Node 20 and npm.
.PHONY: brief test build install bench eval schema clean

NODE_MODULES := node_modules/.package-lock.json
SOURCE_DATE_EPOCH ?= $(shell git log -1 --format=%ct 2>/dev/null || echo 0)
export SOURCE_DATE_EPOCH

$(NODE_MODULES): package.json package-lock.json
	npm ci --no-audit --no-fund
	@touch $(NODE_MODULES)

install: $(NODE_MODULES)

build: $(NODE_MODULES)
	npx tsc -p tsconfig.json

# Regenerate the committed JSON Schema after changing src/model/schema.ts (a test checks they match).
schema: build
	node dist/src/model/write-schema.js schema/model.schema.json

brief: build
	node dist/src/cli/main.js build --sources sources --out out

test: build
	npx vitest run $(VITEST_ARGS)

eval: build
	node dist/src/cli/main.js eval --dataset ../shared/eval/nus

bench: build
	node dist/bench/run.js

clean:
	rm -rf dist out .briefwright-cache
