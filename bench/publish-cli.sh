#!/usr/bin/env bash
# Publishes the command line as the README tells users to install it, into artifacts/bench/cli-install, for the scripts
# that time it: for linux-x64, self-contained, Menagerie and .NET compiled ahead of time (ReadyToRun) into one
# composite image, so that generic code shared between the framework, EF Core and Menagerie is not compiled
# again at each start. Takes a few minutes. Its own intermediate folders (ArtifactsPivots): a composite build's
# leftovers would break a later framework-dependent publish for the same platform.
set -euo pipefail
cd "$(dirname "$0")/.."
dotnet publish src/Menagerie.Cli -c Release -r linux-x64 --self-contained true \
  -p:PublishReadyToRun=true -p:PublishReadyToRunComposite=true -p:ArtifactsPivots=release_linux-x64_install \
  -o artifacts/bench/cli-install --nologo -v quiet
