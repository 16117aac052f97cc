namespace GenPro.Sdk;

/// <summary>
/// Settings of a <see cref="GenProClient"/>. Read once when the client is built: changing them afterwards does
/// not affect an existing client. In configuration (<c>AddGenProClient(section)</c>) the names are the same.
/// </summary>
public sealed class GenProClientOptions
{
    /// <summary>The API's address unless <see cref="BaseAddress"/> says otherwise: <c>https://api.gen.pro/v1/</c>.</summary>
    public static readonly Uri DefaultBaseAddress = new("https://api.gen.pro/v1/");

    /// <summary>
    /// The personal access token (<c>gen_pat_…</c>), sent as <c>X-API-Key</c> to <see cref="BaseAddress"/>'s origin only.
    /// Required. Never written to logs, traces, exception messages or <see cref="object.ToString"/>.
    /// </summary>
    public string? ApiKey { get; set; }

    /// <summary>
    /// Where the API lives; <see cref="DefaultBaseAddress"/> unless set. Must be absolute and <c>https</c>,
    /// except on a loopback host (a local fake for tests).
    /// </summary>
    public Uri BaseAddress { get; set; } = DefaultBaseAddress;

    /// <summary>
    /// How long one SDK call may take in all, retries, waits and reading the response body included (100 seconds unless
    /// set; every page of a listing gets its own); when it runs out the call fails with <see cref="GenProConnectionException"/>. <see cref="System.Threading.Timeout.InfiniteTimeSpan"/>
    /// turns the limit off, and so does anything longer than a timer runs (about 49.7 days, such as <see cref="TimeSpan.MaxValue"/>).
    /// </summary>
    public TimeSpan Timeout { get; set; } = TimeSpan.FromSeconds(100);

    /// <summary>The default of <see cref="MaxResponseBodySize"/>: 16 MiB.</summary>
    public const long DefaultMaxResponseBodySize = 16L * 1024 * 1024;

    /// <summary>
    /// The largest success body the SDK reads, in bytes, counted after decompression (16 MiB unless set). A body past
    /// it ends the call with a <see cref="GenProApiException"/> instead of filling memory; a real response is far
    /// smaller (a page of 20 avatars is a few KB; a list of a thousand agents about 1 MB). Error bodies are read
    /// up to 64 KiB whatever this says.
    /// </summary>
    public long MaxResponseBodySize { get; set; } = DefaultMaxResponseBodySize;

    /// <summary>The default of <see cref="MaxImageSize"/>: 8 MiB.</summary>
    public const long DefaultMaxImageSize = 8L * 1024 * 1024;

    /// <summary>
    /// The largest avatar image <c>OpenReadAsync</c> reads, in bytes, counted after decompression (8 MiB unless set). A
    /// <c>Content-Length</c> above it is refused before reading, and a body that runs past it (an endless stream) fails
    /// the read with a <see cref="GenProApiException"/>. Avatars are small: a thumbnail is a few KB.
    /// </summary>
    public long MaxImageSize { get; set; } = DefaultMaxImageSize;

    /// <summary>Retries, attempt timeout and circuit breaker; see <see cref="GenProRetryOptions"/> for the defaults.</summary>
    public GenProRetryOptions Retry { get; set; } = new();

    /// <summary>
    /// Names the calling application at the start of the <c>User-Agent</c> header, such as <c>TrendDashboard/2.1</c>,
    /// so that the API's owners can tell callers apart. Optional.
    /// </summary>
    public string? ApplicationId { get; set; }

    /// <summary>Describes the options with the API key left out.</summary>
    /// <returns>A description safe to log.</returns>
    public override string ToString() =>
        $"GenProClientOptions {{ BaseAddress = {BaseAddress}, ApiKey = {(string.IsNullOrEmpty(ApiKey) ? "(not set)" : "[REDACTED]")}, Timeout = {Timeout}, MaxResponseBodySize = {MaxResponseBodySize}, MaxImageSize = {MaxImageSize}, ApplicationId = {ApplicationId}, Retry = {Retry} }}";
}
