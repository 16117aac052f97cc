namespace GenPro.Sdk.Tests.Infrastructure;

/// <summary>Request-id helpers for tests that check an exception's exact message.</summary>
public static class RequestIds
{
    /// <summary>What the SDK appends to the message of an exception thrown after a request was sent; fails when the id is missing.</summary>
    public static string RequestIdSuffix(this GenProException e)
    {
        e.RequestId.Should().NotBeNullOrEmpty("every exception thrown after a request was sent carries its request id");
        return $" (request id {e.RequestId})";
    }

    /// <summary>A header of a request WireMock received, by name in any casing (Kestrel writes X-Request-ID).</summary>
    public static string? Header(this WireMock.IRequestMessage request, string name) =>
        request.Headers!.FirstOrDefault(h => string.Equals(h.Key, name, StringComparison.OrdinalIgnoreCase)).Value?.Single();
}
