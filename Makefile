# The two commands the README promises on a fresh machine.
.PHONY: demo test build release lint install

demo:
	scripts/demo

test:
	scripts/test

build:
	swift build

release:
	swift build -c release --static-swift-stdlib

lint:
	swift format lint -r Sources Tests

install:
	scripts/install
