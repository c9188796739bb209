PY ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed

.PHONY: install demo test lint bench chaos run clean messages

$(STAMP): pyproject.toml
	test -x $(BIN)/python || $(PY) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e '.[dev]'
	touch $(STAMP)

install: $(STAMP)

demo: $(STAMP)
	$(BIN)/diplowatch demo

test: $(STAMP)
	$(BIN)/python -m pytest -q

lint: $(STAMP)
	$(BIN)/ruff check diplowatch tests bench
	$(BIN)/mypy diplowatch

# The catalogues (diplowatch/data/locale): every marked message of the source into the
# template, and into each language's .po (made for a new language), new ones untranslated (tests/test_texts_i18n.py
# fails until they are translated), old ones dropped.
LOCALE := diplowatch/data/locale
messages: $(STAMP)
	$(BIN)/pybabel -q extract --no-location --sort-output -w 100 --project diplowatch \
		-o $(LOCALE)/diplowatch.pot diplowatch
	for lang in ru uk es fr de; do \
		test -f $(LOCALE)/$$lang/LC_MESSAGES/diplowatch.po || $(BIN)/pybabel -q init -w 100 \
			-D diplowatch -l $$lang -i $(LOCALE)/diplowatch.pot -d $(LOCALE); \
		$(BIN)/pybabel -q update --no-fuzzy-matching --ignore-obsolete -w 100 -D diplowatch \
			-l $$lang -i $(LOCALE)/diplowatch.pot -d $(LOCALE); \
	done

bench: $(STAMP)
	$(BIN)/python -m bench

chaos: $(STAMP)
	$(BIN)/python -m tests.chaos --kills 20
	$(BIN)/python -m tests.chaos --retraction --runs 10

run: $(STAMP)
	$(BIN)/diplowatch run

clean:
	rm -rf $(VENV) build *.egg-info
