#!/usr/bin/env bash
# Builds this plugin against the installed ActiveBench artifacts (its test runs a study through the Java API), then
# runs study.json through the CLI with --plugin and checks the result files and the jar's recorded checksum.
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
root="$here/../.."
JAVA_HOME="$("$root/activebench" java-home)"; export JAVA_HOME
# The README's pom, line for line, is this project's pom: what a reader copies is what is built here.
readme_pom="$(sed -n '/^<!-- plugin-pom: examples\/plugin\/pom.xml -->$/,/^```$/p' "$root/README.md" | sed '1,2d;$d')"
diff <(printf '%s\n' "$readme_pom") "$here/pom.xml" || { echo "README's plugin pom differs from $here/pom.xml" >&2; exit 1; }
mvn -B -q -f "$here/pom.xml" -Dstyle.color=never package
jar="$here/target/activebench-plugin-example-1.0.0.jar"
out="$(mktemp -d)"
trap 'rm -rf "$out"' EXIT
"$root/activebench" run "$here/study.json" --plugin "$jar" --no-progress --out "$out/study" >"$out/summary.txt"
test -s "$out/study/results.csv"
test -s "$out/study/report/report.html"
for learner in logistic 'nearest_centroid[temperature=2]'; do
  for strategy in random margin 'margin_density[beta=2]'; do
    test -s "$out/study/trials/breast_cancer/$learner/$strategy/seed-3.json"
  done
done
sum="$(sha256sum "$jar" | cut -d' ' -f1)"
grep -q "\"sha256\" : \"$sum\"" "$out/study/manifest.json" || grep -q "\"sha256\":\"$sum\"" "$out/study/manifest.json"
grep -q "margin_density" "$out/summary.txt"
echo "plugin example: 36 trials, manifest records $jar ($sum)"
