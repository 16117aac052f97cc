using System.Buffers;
using System.Text.Json;

namespace GenPro.Sdk.Testing.Core;

/// <summary>What the core answers; each hosting mode (handler, Kestrel) turns it into its own kind of response.</summary>
internal sealed class FakeResponse
{
    public const string JsonContentType = "application/json; charset=utf-8";

    public required int Status { get; init; }

    public ReadOnlyMemory<byte> Body { get; init; }

    public string? ContentType { get; init; }

    /// <summary>Seconds for a <c>Retry-After</c> header, when set.</summary>
    public int? RetryAfterSeconds { get; init; }

    /// <summary>Break the connection instead of answering.</summary>
    public bool DropConnection { get; init; }

    public static FakeResponse Empty(int status) => new() { Status = status };

    public static FakeResponse Json(int status, Action<Utf8JsonWriter> write)
    {
        var buffer = new ArrayBufferWriter<byte>();
        using (var writer = new Utf8JsonWriter(buffer))
        {
            write(writer);
        }

        return new() { Status = status, Body = buffer.WrittenMemory, ContentType = JsonContentType };
    }

    public static FakeResponse Error(int status, string? errorCode, string error) => Json(status, w =>
    {
        w.WriteStartObject();
        w.WriteString("error", error);
        if (errorCode is not null)
        {
            w.WriteString("error_code", errorCode);
        }

        w.WriteEndObject();
    });
}
