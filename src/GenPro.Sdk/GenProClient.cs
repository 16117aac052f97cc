using GenPro.Sdk.Agents;
using GenPro.Sdk.Avatars;
using GenPro.Sdk.Avatars.Images;
using GenPro.Sdk.Configuration;
using GenPro.Sdk.Credentials;
using GenPro.Sdk.Diagnostics;
using GenPro.Sdk.Http;
using GenPro.Sdk.Operations;
using GenPro.Sdk.Secrets;
using GenPro.Sdk.Serialization;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace GenPro.Sdk;

/// <summary>
/// The entry point of the SDK. Create one per API key and keep it for the life of the application (it pools
/// connections); it is thread-safe. In an ASP.NET Core or worker host, register it with <c>AddGenProClient</c>
/// instead of constructing it.
/// </summary>
/// <example>
/// <code>
/// using var client = new GenProClient(Environment.GetEnvironmentVariable("GENPRO_API_KEY")!);
/// foreach (var agent in await client.Agents.ListAsync())
///     Console.WriteLine(agent.Name);
/// </code>
/// </example>
public sealed class GenProClient : IGenProClient, IDisposable
{
    private readonly HttpClient _httpClient;
    private readonly bool _ownsHttpClient;
    private readonly OperationRunner _runner;

    /// <summary>Creates a client for <see cref="GenProClientOptions.DefaultBaseAddress"/> with default settings.</summary>
    /// <param name="apiKey">The personal access token (<c>gen_pat_…</c>).</param>
    /// <exception cref="ArgumentNullException"><paramref name="apiKey"/> is null.</exception>
    /// <exception cref="ArgumentException"><paramref name="apiKey"/> is empty, white space or cannot travel in a header.</exception>
    public GenProClient(string apiKey)
        : this(ClientOptionsChecks.ForApiKey(apiKey, nameof(apiKey)))
    {
    }

    /// <summary>Creates a client with the given settings.</summary>
    /// <param name="options">The settings; read once, here.</param>
    /// <exception cref="ArgumentNullException"><paramref name="options"/> is null.</exception>
    /// <exception cref="ArgumentException">A setting is invalid; the message names it.</exception>
    public GenProClient(GenProClientOptions options)
        : this(options, handler: null, loggerFactory: null, TimeProvider.System)
    {
    }

    /// <summary>
    /// Creates a client that sends through <paramref name="handler"/> (a proxy-aware handler, a test double, the
    /// fake API's handler). The SDK's own handlers run in front of it; the caller keeps ownership of it and
    /// disposes it.
    /// </summary>
    /// <param name="options">The settings; read once, here.</param>
    /// <param name="handler">The innermost handler, which does the sending.</param>
    /// <exception cref="ArgumentNullException"><paramref name="options"/> or <paramref name="handler"/> is null.</exception>
    /// <exception cref="ArgumentException">A setting is invalid; the message names it.</exception>
    public GenProClient(GenProClientOptions options, HttpMessageHandler handler)
        : this(options, handler ?? throw new ArgumentNullException(nameof(handler)), loggerFactory: null, TimeProvider.System)
    {
    }

    /// <summary>
    /// Creates a client that logs through <paramref name="loggerFactory"/> (category <c>GenPro.Sdk</c>: operations at
    /// Debug, retries at Information; never a key) and, when <paramref name="handler"/> is given, sends through it.
    /// </summary>
    /// <param name="options">The settings; read once, here.</param>
    /// <param name="handler">The innermost handler, owned by the caller; null for the SDK's own.</param>
    /// <param name="loggerFactory">Where logs go; null for none.</param>
    /// <exception cref="ArgumentNullException"><paramref name="options"/> is null.</exception>
    /// <exception cref="ArgumentException">A setting is invalid; the message names it.</exception>
    public GenProClient(GenProClientOptions options, HttpMessageHandler? handler, ILoggerFactory? loggerFactory)
        : this(options, handler, loggerFactory, TimeProvider.System)
    {
    }

    /// <summary>
    /// Creates a client whose delays and timeouts (retry waits, <c>Retry-After</c>, attempt and total timeouts) run on
    /// <paramref name="timeProvider"/>, such as a <c>FakeTimeProvider</c> in tests. With dependency injection, a
    /// <see cref="TimeProvider"/> registered in the container is used the same way.
    /// </summary>
    /// <param name="options">The settings; read once, here.</param>
    /// <param name="handler">The innermost handler, owned by the caller; null for the SDK's own.</param>
    /// <param name="loggerFactory">Where logs go; null for none.</param>
    /// <param name="timeProvider">The clock and timers of the resilience policy.</param>
    /// <exception cref="ArgumentNullException"><paramref name="options"/> or <paramref name="timeProvider"/> is null.</exception>
    /// <exception cref="ArgumentException">A setting is invalid; the message names it.</exception>
    public GenProClient(GenProClientOptions options, HttpMessageHandler? handler, ILoggerFactory? loggerFactory, TimeProvider timeProvider)
        : this(options, handler, loggerFactory, timeProvider ?? throw new ArgumentNullException(nameof(timeProvider)), credential: null)
    {
    }

    /// <summary>
    /// Creates a client whose key can be replaced while it runs: every request reads <paramref name="credential"/>
    /// (see <see cref="GenProKeyCredential.Update"/>).
    /// </summary>
    /// <param name="credential">The API key; the client reads it before every request.</param>
    /// <param name="options">The other settings, with <see cref="GenProClientOptions.ApiKey"/> left unset.</param>
    /// <exception cref="ArgumentNullException"><paramref name="credential"/> or <paramref name="options"/> is null.</exception>
    /// <exception cref="ArgumentException"><see cref="GenProClientOptions.ApiKey"/> is set too, or a setting is invalid.</exception>
    public GenProClient(GenProKeyCredential credential, GenProClientOptions options)
        : this(options, handler: null, loggerFactory: null, TimeProvider.System, credential ?? throw new ArgumentNullException(nameof(credential)))
    {
    }

    /// <summary>The one constructor that builds a pipeline, reading the key from the options or from a credential.</summary>
    private GenProClient(
        GenProClientOptions options, HttpMessageHandler? handler, ILoggerFactory? loggerFactory, TimeProvider timeProvider, GenProKeyCredential? credential)
    {
        ClientOptionsChecks.ThrowIfInvalid(options, nameof(options), keyFromCredential: credential is not null);
        var apiKey = KeyCredentials.Source(options, credential);
        var logger = CreateLogger(loggerFactory);
        var pipeline = GenProPipeline.CreateHandler(options, apiKey, handler, timeProvider, loggerFactory);
        _httpClient = GenProPipeline.CreateHttpClient(pipeline, options);
        _ownsHttpClient = true;
        (Agents, Avatars, _runner) = CreateEndpoints(_httpClient, options, apiKey, logger, timeProvider);
    }

    /// <summary>Wraps an <see cref="HttpClient"/> whose pipeline was built elsewhere (by dependency injection).</summary>
    internal GenProClient(HttpClient httpClient, GenProClientOptions options, Func<string?> apiKey, ILogger logger, TimeProvider timeProvider)
    {
        _httpClient = httpClient;
        _ownsHttpClient = false;
        (Agents, Avatars, _runner) = CreateEndpoints(httpClient, options, apiKey, logger, timeProvider);
    }

    internal static ILogger CreateLogger(ILoggerFactory? loggerFactory) =>
        loggerFactory?.CreateLogger(GenProLog.Category) ?? NullLogger.Instance;

    /// <inheritdoc />
    public IAgentsClient Agents { get; }

    /// <inheritdoc />
    public IAvatarsClient Avatars { get; }

    /// <summary>
    /// Releases the connections. Calls still in flight end with a <see cref="GenProConnectionException"/> saying the
    /// client was disposed; calls made afterwards throw <see cref="ObjectDisposedException"/>.
    /// </summary>
    public void Dispose()
    {
        _runner.MarkDisposed();
        if (_ownsHttpClient)
        {
            _httpClient.Dispose();
        }
    }

    /// <summary>Describes the client without its key.</summary>
    /// <returns>A description safe to log.</returns>
    public override string ToString() => $"GenProClient {{ BaseAddress = {_httpClient.BaseAddress} }}";

    /// <summary>The endpoint clients share one runner (one key scrubber, one logger) over the Refit clients of the endpoints.</summary>
    private static (AgentsClient, AvatarsClient, OperationRunner) CreateEndpoints(
        HttpClient httpClient, GenProClientOptions options, Func<string?> apiKey, ILogger logger, TimeProvider timeProvider)
    {
        var baseAddress = httpClient.BaseAddress ?? ClientOptionsChecks.NormalizedBaseAddress(options.BaseAddress);
        var runner = new OperationRunner(baseAddress, new SecretScrubber(apiKey), logger, OperationLimits.From(options, timeProvider));
        var (agents, avatars) = RefitClients.Create(httpClient, runner);
        return (
            new AgentsClient(runner, agents),
            new AvatarsClient(runner, avatars, new AvatarImageReader(runner, httpClient, options.MaxImageSize)),
            runner);
    }
}
