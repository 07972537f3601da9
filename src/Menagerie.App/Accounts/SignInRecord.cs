namespace Menagerie.App.Accounts;

/// <summary>
/// One attempt to sign in, kept (and so ledgered) whether it succeeded or not: who tried, when, from
/// where and what came of it.
/// </summary>
public sealed class SignInRecord
{
    public const int MaxNameLength = User.MaxNameLength;

    private SignInRecord() { UserName = Outcome = ""; }

    public Guid Id { get; private set; }

    /// <summary>The name as it was typed, so that attempts on names that do not exist are seen too.</summary>
    public string UserName { get; private set; }

    public Guid? UserId { get; private set; }
    public DateTime At { get; private set; }
    public bool Succeeded { get; private set; }

    /// <summary>signed in, wrong password, locked out, unknown user, disabled, not allowed.</summary>
    public string Outcome { get; private set; }

    public string? RemoteAddress { get; private set; }

    internal static SignInRecord Create(string userName, Guid? userId, DateTime at, bool succeeded, string outcome, string? remoteAddress) =>
        new()
        {
            Id = Guid.CreateVersion7(),
            UserName = userName.Length > MaxNameLength ? userName[..MaxNameLength] : userName,
            UserId = userId,
            At = at,
            Succeeded = succeeded,
            Outcome = outcome,
            RemoteAddress = remoteAddress,
        };
}
