using Menagerie.Domain;

namespace Menagerie.App;

/// <summary>
/// How a use case ended. Both hosts switch over it in one place each: HTTP status codes in the web app,
/// exit codes in the command line.
/// </summary>
public abstract record Outcome<T>
{
    private Outcome() { }

    public sealed record Ok(T Value) : Outcome<T>;

    public sealed record Created(T Value) : Outcome<T>;

    public sealed record NotFound(string Message) : Outcome<T>;

    /// <summary>Every rule the request broke, with the field each concerns; nothing was written.</summary>
    public sealed record Invalid(IReadOnlyList<RuleViolation> Violations) : Outcome<T>;

    /// <summary>The person may see the record but not do this to it.</summary>
    public sealed record Forbidden(string Message) : Outcome<T>;

    /// <summary>The caller's If-Match named a version that is no longer current.</summary>
    public sealed record Stale(long CurrentVersion) : Outcome<T>;

    /// <summary>Another writer changed the record between this one's read and write.</summary>
    public sealed record Conflict(Wording Wording) : Outcome<T>
    {
        public string Message => Wording.ToString();
    }

    /// <summary>An Idempotency-Key already used for a different request; nothing was changed.</summary>
    public sealed record KeyReused(Wording Wording) : Outcome<T>
    {
        public string Message => Wording.ToString();
    }

    public static implicit operator Outcome<T>(List<RuleViolation> violations) => new Invalid(violations);

    /// <summary>This failure as the outcome of a use case with another result; a success has no such counterpart.</summary>
    public Outcome<TOther> As<TOther>() => this switch
    {
        NotFound f => new Outcome<TOther>.NotFound(f.Message),
        Invalid f => new Outcome<TOther>.Invalid(f.Violations),
        Forbidden f => new Outcome<TOther>.Forbidden(f.Message),
        Stale f => new Outcome<TOther>.Stale(f.CurrentVersion),
        Conflict f => new Outcome<TOther>.Conflict(f.Wording),
        KeyReused f => new Outcome<TOther>.KeyReused(f.Wording),
        _ => throw new InvalidOperationException("Only a failure carries over to another result."),
    };
}
