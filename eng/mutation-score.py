"""Prints the mutation score per core folder (and each survivor) from a Stryker mutation-report.json.

Score = (killed + timeout) / (killed + timeout + survived + no coverage), Stryker's own definition;
compile errors and ignored mutants do not count.
"""
import json
import sys
from collections import defaultdict

DETECTED = {"Killed", "Timeout"}
UNDETECTED = {"Survived", "NoCoverage"}
FOLDERS = ("Configuration", "Reload", "Snapshots", "Routing")


def folder_of(path):
    parts = path.replace("\\", "/").split("/")
    if "HotReloadProxy" in parts:
        rest = parts[parts.index("HotReloadProxy") + 1:]
        if rest and rest[0] in FOLDERS:
            return rest[0]
    return "other"


def main(report_path):
    with open(report_path, encoding="utf-8") as stream:
        report = json.load(stream)
    counts = defaultdict(lambda: defaultdict(int))
    survivors = []
    for path, file in sorted(report["files"].items()):
        folder = folder_of(path)
        for mutant in file["mutants"]:
            counts[folder][mutant["status"]] += 1
            if mutant["status"] in UNDETECTED:
                start = mutant["location"]["start"]
                survivors.append(f'{mutant["status"]:<10} {path.split("HotReloadProxy/")[-1]}:{start["line"]}:{start["column"]} '
                                 f'{mutant["mutatorName"]}: {mutant.get("replacement", "").splitlines()[0] if mutant.get("replacement") else ""}')
    print(f'{"folder":<14} {"score":>7} {"killed":>7} {"timeout":>7} {"survived":>8} {"nocov":>6} {"compile":>7} {"ignored":>7}')
    for folder in sorted(counts):
        c = counts[folder]
        detected = sum(c[s] for s in DETECTED)
        valid = detected + sum(c[s] for s in UNDETECTED)
        score = 100.0 * detected / valid if valid else 100.0
        print(f'{folder:<14} {score:>6.1f}% {c["Killed"]:>7} {c["Timeout"]:>7} {c["Survived"]:>8} {c["NoCoverage"]:>6} '
              f'{c["CompileError"]:>7} {c["Ignored"]:>7}')
    if survivors:
        print(f"\n{len(survivors)} undetected mutants:")
        print("\n".join(survivors))


if __name__ == "__main__":
    main(sys.argv[1])
