using System.Text;
using GenPro.Sdk;
using WireMock;
using WireMock.Logging;
using WireMock.RequestBuilders;
using WireMock.ResponseBuilders;
using WireMock.Server;

namespace GenPro.Sdk.Tests.Infrastructure;

/// <summary>A WireMock server on loopback plus a <see cref="GenProClient"/> pointed at it.</summary>
public sealed class ApiServer : IDisposable
{
    public const string ApiKey = "gen_pat_test_0123456789abcdef";

    private GenProClient? _client;

    public ApiServer() => Server = WireMockServer.Start();

    public WireMockServer Server { get; }

    public Uri BaseAddress => new($"{Server.Url}/v1/");

    public GenProClient Client => _client ??= new GenProClient(Options());

    /// <summary>Options for this server, with millisecond retry delays so that retried statuses cost no real time.</summary>
    public GenProClientOptions Options() => FastOptions(BaseAddress);

    /// <summary>Options for any test server: the default policy, but with millisecond retry delays.</summary>
    public static GenProClientOptions FastOptions(Uri baseAddress) => new()
    {
        ApiKey = ApiKey,
        BaseAddress = baseAddress,
        Retry = { BaseDelay = TimeSpan.FromMilliseconds(1), MaxDelay = TimeSpan.FromMilliseconds(20) },
    };

    public IReadOnlyList<ILogEntry> Requests => Server.LogEntries.ToList();

    /// <summary>The one request the server received (fails the test if there were more or none).</summary>
    public IRequestMessage SingleRequest() => Requests.Should().ContainSingle().Subject.RequestMessage!;

    /// <summary>Answers <paramref name="method"/> <paramref name="path"/> with a status and a JSON body.</summary>
    public void Respond(string method, string path, int status, string? json = null, string contentType = "application/json; charset=utf-8")
    {
        var response = Response.Create().WithStatusCode(status);
        if (json is not null)
        {
            response = response.WithHeader("Content-Type", contentType).WithBody(Encoding.UTF8.GetBytes(json));
        }

        Server.Given(Request.Create().WithPath(path).UsingMethod(method)).RespondWith(response);
    }

    public void Dispose()
    {
        _client?.Dispose();
        Server.Stop();
        Server.Dispose();
    }
}
