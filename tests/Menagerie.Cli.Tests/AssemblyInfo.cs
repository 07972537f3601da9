[assembly: AssemblyFixture(typeof(Menagerie.Testing.TestRun))]
