using System.Security.Cryptography;
using System.Text;

namespace Menagerie.App.Transfers;

/// <summary>
/// A state change made under a client's <c>Idempotency-Key</c>: a retry with the same key and the same
/// request is answered with the current state and changes nothing; the same key with another request is refused.
/// Saved in the same transaction as the change it guards.
/// </summary>
public sealed class IdempotentRequest
{
    public const int MaxKeyLength = 200;

    private IdempotentRequest() { Caller = Key = Operation = RequestHash = ""; }

    /// <summary>Keys are the caller's own: two people's keys never collide.</summary>
    public string Caller { get; private set; }

    public string Key { get; private set; }

    /// <summary>What the key was used for, e.g. <c>transfer.dispatch 0192…</c>.</summary>
    public string Operation { get; private set; }

    /// <summary>SHA-256 of the operation and its request, hex.</summary>
    public string RequestHash { get; private set; }

    public DateTime At { get; private set; }

    internal static IdempotentRequest Create(string caller, string key, string operation, string request, DateTime at) =>
        new() { Caller = caller, Key = key, Operation = operation, RequestHash = HashOf(operation, request), At = at };

    internal bool Matches(string operation, string request) =>
        string.Equals(RequestHash, HashOf(operation, request), StringComparison.Ordinal);

    private static string HashOf(string operation, string request) =>
        Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(operation + "\n" + request)));
}
