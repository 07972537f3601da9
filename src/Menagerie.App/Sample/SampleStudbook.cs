using Menagerie.App.Accounts;
using Menagerie.App.Persistence;
using Menagerie.App.Studbooks;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Menagerie.App.Sample;

/// <summary>
/// The sample studbook in the records: the Japanese macaque colony of samples/studbooks (nprcgenekeepr's
/// example pedigree, MIT), uploaded by Moscow's sample studbook keeper once the sample users exist.
/// </summary>
public sealed class SampleStudbook(IServiceScopeFactory scopes)
{
    public const string Name = "Japanese macaque colony (sample)";
    public const string Keeper = "studbook-keeper@MOSCOW";
    private const string File = "japanese-macaque-colony.csv";

    /// <summary>Uploads it unless it is there already or there is no keeper to upload it; true when it was uploaded now.</summary>
    public async Task<Outcome<bool>> EnsureAsync(CancellationToken ct)
    {
        // The upload is the keeper's own act: the ledger names them, as it would had they uploaded it themselves.
        await using var scope = scopes.CreateAsyncScope();
        scope.ServiceProvider.GetRequiredService<Actor>().Name = Keeper;
        scope.ServiceProvider.GetRequiredService<Access>().ActAsOperator();
        var db = scope.ServiceProvider.GetRequiredService<MenagerieDbContext>();
        if (await db.Studbooks.AnyAsync(s => s.Name == Name, ct) || !await db.Users.AnyAsync(u => u.UserName == Keeper, ct))
            return new Outcome<bool>.Ok(false);
        await using var stream = typeof(SampleStudbook).Assembly.GetManifestResourceStream("Menagerie.Sample.Studbook." + File)
            ?? throw new InvalidOperationException("The sample studbook is missing from the assembly.");
        using var content = new MemoryStream();
        await stream.CopyToAsync(content, ct);
        var uploaded = await scope.ServiceProvider.GetRequiredService<StudbookRecords>()
            .UploadAsync(new StudbookUpload(Name, null, null, File, content.ToArray()), ct);
        return uploaded is Outcome<StudbookUploaded>.Created ? new Outcome<bool>.Ok(true) : uploaded.As<bool>();
    }
}
