namespace Menagerie.App.Sample;

public static class SampleUsers
{
    /// <summary>Prints the sample users just created, with their generated passwords: the only time these are shown.</summary>
    public static async Task PrintAsync(TextWriter output, IReadOnlyList<SampleUser> created)
    {
        ArgumentNullException.ThrowIfNull(output);
        if (created.Count == 0)
            return;
        await output.WriteLineAsync(created.Any(u => u.GeneratedPassword is not null)
            ? "Sample users created. Their passwords are shown this once; Menagerie stores them only hashed:"
            : "Sample users created, with the password set in Menagerie:Sample:Password:");
        foreach (var user in created)
            await output.WriteLineAsync($"  {user.UserName,-28} {user.GeneratedPassword}");
    }
}
