using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json.Nodes;

namespace GenPro.Sdk.Testing.Tests.Infrastructure;

/// <summary>
/// A seeded fake reached through one <see cref="Mode"/>. The world: workspace "My Company" (id 10) with
/// alice owner, dave manager, carol editor, bob viewer; eve belongs to no workspace.
/// </summary>
public sealed class Harness : IAsyncDisposable
{
    public const string Alice = "gen_pat_alice";
    public const string Bob = "gen_pat_bob";
    public const string Carol = "gen_pat_carol";
    public const string Dave = "gen_pat_dave";
    public const string Eve = "gen_pat_eve";

    private readonly List<HttpClient> _clients = [];
    private FakeGenProServer? _server;

    private Harness(Mode mode)
    {
        Mode = mode;
        AliceUser = Fake.AddUser(Alice, "Alice");
        BobUser = Fake.AddUser(Bob, "Bob");
        CarolUser = Fake.AddUser(Carol, "Carol");
        DaveUser = Fake.AddUser(Dave, "Dave");
        EveUser = Fake.AddUser(Eve, "Eve");
        Company = Fake.AddWorkspace("My Company");
        Fake.AddMember(Company, AliceUser, FakeWorkspaceRole.Owner);
        Fake.AddMember(Company, DaveUser, FakeWorkspaceRole.Manager);
        Fake.AddMember(Company, CarolUser, FakeWorkspaceRole.Editor);
        Fake.AddMember(Company, BobUser, FakeWorkspaceRole.Viewer);
    }

    public Mode Mode { get; }

    public FakeGenProApi Fake { get; } = new();

    public FakeUser AliceUser { get; }

    public FakeUser BobUser { get; }

    public FakeUser CarolUser { get; }

    public FakeUser DaveUser { get; }

    public FakeUser EveUser { get; }

    public FakeWorkspace Company { get; }

    public Uri BaseAddress => _server?.BaseAddress ?? FakeGenProApi.DefaultBaseAddress;

    /// <summary>Where avatar links point: the server itself (which serves the images), or the CDN for a handler.</summary>
    public Uri ImageRoot => _server is { } server ? new Uri(server.BaseAddress, "/") : new Uri("https://cdn.gen.pro/");
    /// <summary>The loopback server in <see cref="Mode.Server"/>; null in <see cref="Mode.Handler"/>.</summary>
    public FakeGenProServer? Server => _server;

    public static async Task<Harness> StartAsync(Mode mode)
    {
        var harness = new Harness(mode);
        if (mode == Mode.Server)
        {
            harness._server = await FakeGenProServer.StartAsync(harness.Fake, CancellationToken.None);
        }

        return harness;
    }

    /// <summary>An HttpClient for the fake; with <paramref name="apiKey"/> in X-API-Key unless null.</summary>
    public HttpClient Client(string? apiKey = Alice)
    {
        HttpClient client = Mode == Mode.Handler
            ? new HttpClient(Fake.CreateHandler()) { BaseAddress = BaseAddress }
            : new HttpClient { BaseAddress = BaseAddress };
        if (apiKey is not null)
        {
            client.DefaultRequestHeaders.Add("X-API-Key", apiKey);
        }

        _clients.Add(client);
        return client;
    }

    /// <summary>A GenProClient of the SDK talking to the fake.</summary>
    /// <param name="apiKey">Whose key the client sends.</param>
    /// <param name="maxRetries">The SDK's retries; millisecond delays keep retried faults cheap.</param>
    public GenProClient Sdk(string apiKey = Alice, int maxRetries = 3)
    {
        var options = new GenProClientOptions
        {
            ApiKey = apiKey,
            BaseAddress = BaseAddress,
            Retry = { MaxRetries = maxRetries, BaseDelay = TimeSpan.FromMilliseconds(1), MaxDelay = TimeSpan.FromMilliseconds(20) },
        };
        if (Mode == Mode.Server)
        {
            return new GenProClient(options);
        }

        var handler = Fake.CreateHandler();
        return new GenProClient(options, handler);
    }

    public async Task<(HttpStatusCode Status, string Body, HttpResponseMessage Response)> SendAsync(
        HttpMethod method, string path, HttpContent? content = null, string? apiKey = Alice)
    {
        using var request = new HttpRequestMessage(method, path) { Content = content };
        var response = await Client(apiKey).SendAsync(request);
        var body = await response.Content.ReadAsStringAsync();
        return (response.StatusCode, body, response);
    }

    public Task<(HttpStatusCode Status, string Body, HttpResponseMessage Response)> GetAsync(string path, string? apiKey = Alice) =>
        SendAsync(HttpMethod.Get, path, null, apiKey);

    public Task<(HttpStatusCode Status, string Body, HttpResponseMessage Response)> PostJsonAsync(string path, string json, string? apiKey = Alice) =>
        SendAsync(HttpMethod.Post, path, Json(json), apiKey);

    public Task<(HttpStatusCode Status, string Body, HttpResponseMessage Response)> PatchJsonAsync(string path, string json, string? apiKey = Alice) =>
        SendAsync(HttpMethod.Patch, path, Json(json), apiKey);

    public Task<(HttpStatusCode Status, string Body, HttpResponseMessage Response)> DeleteAsync(string path, string? apiKey = Alice) =>
        SendAsync(HttpMethod.Delete, path, null, apiKey);

    public static StringContent Json(string json) => new(json, Encoding.UTF8, "application/json");

    public async ValueTask DisposeAsync()
    {
        foreach (var client in _clients)
        {
            client.Dispose();
        }

        if (_server is not null)
        {
            await _server.DisposeAsync();
        }
    }
}
