# Lokadaya — the everyday commands. `make run` and `make test` are the two
# the README promises.

.PHONY: run test build vet fmt lint regions bench

run:
	go run ./cmd/lokadaya serve --demo

test:
	bash scripts/test.sh

build:
	go build -o bin/lokadaya ./cmd/lokadaya

vet:
	go vet ./...
	gofmt -l . | tee /dev/stderr | (! read)

fmt:
	gofmt -w .

lint:
	golangci-lint run ./...

regions:
	bash scripts/refresh-regions.sh
