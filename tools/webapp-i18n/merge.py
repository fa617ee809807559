#!/usr/bin/env python3
"""Builds the complete Swedish locale files of Camunda's webapps.

For each app, sv.json gets every key of the webjar's en.json, in the same order: the Swedish text from
sv/<app>.json, else from sv/common.json, else the English text (so Camunda never shows a bare key).
Run it after a Camunda upgrade, then translate what it reports as untranslated.

    python3 tools/webapp-i18n/merge.py [path/to/camunda-webapp-webjar.jar]
"""
import json
import pathlib
import re
import sys
import zipfile

ROOT = pathlib.Path(__file__).resolve().parents[2]
HERE = pathlib.Path(__file__).resolve().parent
APPS = ["tasklist", "cockpit", "admin", "welcome"]
TARGET = ROOT / "src/main/resources/camunda-webapp-overrides/app"
PLACEHOLDER = re.compile(r"\{\{.*?\}\}")


def webjar_path():
    if len(sys.argv) > 1:
        return pathlib.Path(sys.argv[1])
    version = re.search(r"<camunda.version>(.+?)</camunda.version>", (ROOT / "pom.xml").read_text()).group(1)
    return (pathlib.Path.home() / ".m2/repository/org/camunda/bpm/webapp/camunda-webapp-webjar"
            / version / f"camunda-webapp-webjar-{version}.jar")


def load(path):
    return json.loads(path.read_text(encoding="utf-8"))


def main():
    common = load(HERE / "sv/common.json")
    date_locales = load(HERE / "sv/dateLocales.json")
    failed = False
    with zipfile.ZipFile(webjar_path()) as jar:
        for app in APPS:
            # The webjar's files start with a UTF-8 BOM.
            english = json.loads(jar.read(f"META-INF/resources/webjars/camunda/app/{app}/locales/en.json")
                                 .decode("utf-8-sig"))
            own = load(HERE / f"sv/{app}.json")
            labels, untranslated = {}, 0
            for key, text in english["labels"].items():
                swedish = own.get(key, common.get(key))
                if swedish is None:
                    swedish, untranslated = text, untranslated + 1
                elif sorted(PLACEHOLDER.findall(swedish)) != sorted(PLACEHOLDER.findall(text)):
                    print(f"{app}: placeholders differ in {key}: {text!r} -> {swedish!r}")
                    failed = True
                labels[key] = swedish
            for key in sorted(set(own) - set(english["labels"])):
                print(f"{app}: {key} is no longer in en.json (remove it from sv/{app}.json)")
            result = {"dateLocales": date_locales, "labels": labels} if "dateLocales" in english else {"labels": labels}
            out = TARGET / app / "locales/sv.json"
            out.parent.mkdir(parents=True, exist_ok=True)
            out.write_text(json.dumps(result, ensure_ascii=False, indent=2) + "\n", encoding="utf-8")
            print(f"{app}: {len(labels) - untranslated}/{len(labels)} labels in Swedish -> {out.relative_to(ROOT)}")
    sys.exit(1 if failed else 0)


if __name__ == "__main__":
    main()
