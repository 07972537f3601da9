[assembly: AssemblyFixture(typeof(Menagerie.Testing.TestRun))]
[assembly: AssemblyFixture(typeof(Menagerie.EndToEnd.Tests.Chromium))]
