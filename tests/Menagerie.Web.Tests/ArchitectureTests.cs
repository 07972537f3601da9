using System.Reflection;
using Menagerie.App.Persistence;
using Menagerie.Testing;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Menagerie.Web.Tests;

public sealed class ArchitectureTests
{
    /// <summary>Pages read and write through the App use cases and their access rules, as the API does: never the DbContext.</summary>
    [Fact]
    public void No_page_opens_the_database_context()
    {
        var web = typeof(Program).Assembly;
        var pagesTakingIt = web.GetTypes()
            .Where(t => typeof(PageModel).IsAssignableFrom(t) || t.Namespace?.EndsWith(".Shared", StringComparison.Ordinal) == true)
            .Where(t => t.GetConstructors(BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.Instance)
                .SelectMany(c => c.GetParameters()).Any(p => typeof(MenagerieDbContext).IsAssignableFrom(p.ParameterType)))
            .Select(t => t.FullName).ToList();
        var viewsInjectingIt = Directory.EnumerateFiles(Path.Combine(Repository.Root, "src", "Menagerie.Web"), "*.cshtml", SearchOption.AllDirectories)
            .Where(f => File.ReadAllText(f).Contains("DbContext", StringComparison.Ordinal)).ToList();

        Assert.Contains(web.GetTypes(), t => typeof(PageModel).IsAssignableFrom(t));
        Assert.Empty(pagesTakingIt);
        Assert.Empty(viewsInjectingIt);
    }
}
