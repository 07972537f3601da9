using Menagerie.Domain.Specimens;

namespace Menagerie.Domain.Tests;

public sealed class ArchitectureTests
{
    [Fact]
    public void The_domain_references_no_persistence_web_or_genetics_assembly()
    {
        var references = typeof(Specimen).Assembly.GetReferencedAssemblies().Select(a => a.Name!).ToList();

        Assert.DoesNotContain(references, name => name.StartsWith("Microsoft.EntityFrameworkCore", StringComparison.Ordinal));
        Assert.DoesNotContain(references, name => name.StartsWith("Microsoft.AspNetCore", StringComparison.Ordinal));
        Assert.DoesNotContain(references, name => name.StartsWith("Menagerie.", StringComparison.Ordinal));
    }
}
