using System.Globalization;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;

namespace GenPro.Sdk.ContractCheck;

/// <summary>
/// Sends one request at a time through Prism and checks two things about each answer: it is the one the scenario
/// asked for (status and <c>error_code</c>, so every documented error is really exercised), and Prism found no
/// violation in it. Every finding is printed as endpoint, status, field and message.
/// </summary>
internal sealed class ContractRun(HttpClient prism, TextWriter output)
{
    private readonly List<string> _failures = [];
    private readonly HashSet<(string Endpoint, int Status, string? ErrorCode)> _seen = [];

    public IReadOnlyList<string> Failures => _failures;

    public int Exchanges { get; private set; }

    public int Violations { get; private set; }

    /// <summary>Sends the request and checks the answer.</summary>
    /// <param name="endpoint">The spec's operation, such as <c>GET /agents/{agent_id}</c>.</param>
    /// <param name="path">The request path below Prism's root, such as <c>agents/42?with_organization_uuid=true</c>.</param>
    /// <param name="status">The status the fake must answer.</param>
    /// <param name="errorCode">The <c>error_code</c> it must send, for an error.</param>
    /// <param name="body">The request body.</param>
    /// <param name="apiKey">The <c>X-API-Key</c> to send.</param>
    public async Task ExpectAsync(string endpoint, string path, int status, string? errorCode = null, HttpContent? body = null, string apiKey = World.Alice)
    {
        var method = new HttpMethod(endpoint[..endpoint.IndexOf(' ', StringComparison.Ordinal)]);
        var (response, text) = await SendAsync(endpoint, method, path, body, apiKey);
        using var disposeResponse = response;
        Exchanges++;

        var actualStatus = (int)response.StatusCode;
        var actualCode = ErrorCodeOf(text);
        _seen.Add((endpoint, actualStatus, actualCode));
        var label = $"{endpoint} -> {actualStatus}{(actualCode is null ? string.Empty : " " + actualCode)}";
        var failuresBefore = _failures.Count;
        if (actualStatus != status || actualCode != errorCode)
        {
            Fail($"{endpoint}: expected {status}{(errorCode is null ? string.Empty : " " + errorCode)} for {method} /{path}, got {actualStatus} {Shorten(text)}");
        }

        foreach (var violation in ViolationsOf(response))
        {
            Violations++;
            Fail($"VIOLATION {label}: field {violation.Field}: {violation.Message} [{violation.Severity}, {violation.Code}]");
        }

        if (_failures.Count == failuresBefore)
        {
            output.WriteLine($"  ok {label}");
        }
    }

    /// <summary>
    /// Sends a request whose answer breaks the spec on purpose and requires Prism to say so: proves that Prism
    /// validates responses and that this run reads its verdicts (a check that cannot fail proves nothing).
    /// </summary>
    public async Task ExpectViolationAsync(string endpoint, string path, string expectedField)
    {
        var (response, _) = await SendAsync(endpoint, HttpMethod.Get, path, null, World.Alice);
        using var disposeResponse = response;
        var found = ViolationsOf(response).ToList();
        if (!found.Any(v => v.Field.StartsWith(expectedField, StringComparison.Ordinal)))
        {
            Fail($"canary {endpoint}: Prism reported no violation at {expectedField} for an answer that breaks the spec "
                 + $"(reported: {(found.Count == 0 ? "none" : string.Join("; ", found.Select(v => v.Field + ": " + v.Message)))}); is it validating responses?");
        }
        else
        {
            output.WriteLine($"  canary {endpoint}: Prism caught {string.Join("; ", found.Select(v => v.Field + ": " + v.Message))}");
        }
    }

    /// <summary>Fails for every documented (endpoint, status, error code) no exchange produced.</summary>
    public void RequireCovered(IEnumerable<(string Endpoint, int Status, string? ErrorCode)> documented)
    {
        foreach (var entry in documented)
        {
            if (!_seen.Contains(entry))
            {
                Fail($"not exercised: {entry.Endpoint} -> {entry.Status} {entry.ErrorCode}");
            }
        }
    }

    public void Fail(string message)
    {
        _failures.Add(message);
        output.WriteLine("  !! " + message);
    }

    private async Task<(HttpResponseMessage Response, string Body)> SendAsync(string endpoint, HttpMethod method, string path, HttpContent? body, string apiKey)
    {
        using var request = new HttpRequestMessage(method, path) { Content = body };
        request.Headers.Add("X-API-Key", apiKey);
        try
        {
            var response = await prism.SendAsync(request);
            return (response, await response.Content.ReadAsStringAsync());
        }
        catch (Exception e) when (e is HttpRequestException or TaskCanceledException)
        {
            // Prism answers even an upstream failure with a problem document: no answer means it died. Stop here.
            throw new PrismGoneException($"{endpoint}: {method} /{path} got no answer through Prism: {e.Message}{(e.InnerException is { } inner ? " (" + inner.Message + ")" : string.Empty)}", e);
        }
    }

    private static string? ErrorCodeOf(string body)
    {
        if (!body.StartsWith('{'))
        {
            return null;
        }

        try
        {
            using var json = JsonDocument.Parse(body);
            return json.RootElement.TryGetProperty("error_code", out var code) && code.ValueKind == JsonValueKind.String ? code.GetString() : null;
        }
        catch (JsonException)
        {
            return null;
        }
    }

    /// <summary>Prism's <c>sl-violations</c> header: <c>[{"location":["response","body","id"],"severity":"Error","code":"type","message":"…"}]</c>.</summary>
    private static IEnumerable<(string Field, string Severity, string Code, string Message)> ViolationsOf(HttpResponseMessage response)
    {
        if (!response.Headers.TryGetValues("sl-violations", out var values))
        {
            yield break;
        }

        var text = string.Join(",", values);
        if (!text.StartsWith('['))
        {
            // Prism truncates a long list ("Too many violations! …"): report it whole.
            yield return ("(many)", "Error", "truncated", text);
            yield break;
        }

        using var json = JsonDocument.Parse(text);
        foreach (var item in json.RootElement.EnumerateArray())
        {
            var field = item.TryGetProperty("location", out var location)
                ? string.Join(".", location.EnumerateArray().Select(p => p.ToString()))
                : "?";
            yield return (
                field,
                item.TryGetProperty("severity", out var severity) ? severity.ToString() : "?",
                item.TryGetProperty("code", out var code) ? code.ToString() : "?",
                item.TryGetProperty("message", out var message) ? message.ToString() : "?");
        }
    }

    private static string Quote(string text) => "\"" + text + "\"";

    private static string Shorten(string text) => text.Length <= 300 ? text : text[..300] + "…";

    public static StringContent Json(string json) => new(json, Encoding.UTF8, "application/json");

    /// <summary>A multipart form with text fields and files, as Rails reads it.</summary>
    public static MultipartFormDataContent Form(params (string Name, object Value)[] fields)
    {
        var form = new MultipartFormDataContent();
        foreach (var (name, value) in fields)
        {
            if (value is byte[] bytes)
            {
                // Quoted filename, no filename*: Prism 5.16's multipart parser JSON-parses each parameter value, and
                // .NET's default (filename=face.webp; filename*=utf-8''face.webp) kills the Prism process.
                var file = new ByteArrayContent(bytes);
                file.Headers.ContentType = new MediaTypeHeaderValue("image/webp");
                file.Headers.ContentDisposition = new ContentDispositionHeaderValue("form-data") { Name = Quote(name), FileName = "\"face.webp\"" };
                form.Add(file);
            }
            else
            {
                form.Add(new StringContent(Convert.ToString(value, CultureInfo.InvariantCulture)!), name);
            }
        }

        return form;
    }
}

/// <summary>Prism gave no answer (it crashed or was killed): the run cannot go on.</summary>
internal sealed class PrismGoneException(string message, Exception inner) : Exception(message, inner);
