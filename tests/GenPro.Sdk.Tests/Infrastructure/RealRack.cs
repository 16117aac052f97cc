using System.ComponentModel;
using System.Diagnostics;
using System.Security.Cryptography;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;
using GenPro.Sdk.Testing.Multipart;
using Xunit.Sdk;

namespace GenPro.Sdk.Tests.Infrastructure;

/// <summary>
/// Parses a request body with the parser Rails uses, real Rack 2.2 (<c>Rack::Multipart.parse_multipart</c>, from
/// Debian's <c>ruby-rack</c>), and with the Testing package's own parser, and fails unless both build the same
/// parameters. A test that needs Rack and cannot run it fails, saying how to install it.
/// <para>
/// The result is the params as JSON in arrival order; a file is <c>"file:{original_filename}:{type}:{content}"</c>,
/// where content is the name of one of <see cref="Images"/>' byte arrays when it is exactly one, else its length.
/// </para>
/// </summary>
public static class RealRack
{
    public const string InstallHint = "Real Rack is needed (Debian's ruby and ruby-rack): apt-get install -y ruby ruby-rack";

    private const string Script = """
        require "rack"
        require "json"
        require "stringio"
        require "digest"
        body = STDIN.binmode.read
        env = { "CONTENT_TYPE" => ARGV[0], "CONTENT_LENGTH" => body.bytesize.to_s, "rack.input" => StringIO.new(body) }
        def utf8(s) = s.to_s.dup.force_encoding("UTF-8")
        def canon(v)
          case v
          when Hash
            if v.key?(:tempfile)
              v[:tempfile].rewind
              data = v[:tempfile].read
              { "$file" => utf8(v[:filename]), "type" => v[:type], "sha256" => Digest::SHA256.hexdigest(data), "length" => data.bytesize }
            else
              v.each_with_object({}) { |(k, x), h| h[utf8(k)] = canon(x) }
            end
          when Array then v.map { |x| canon(x) }
          when nil then nil
          else utf8(v)
          end
        end
        STDOUT.write JSON.generate(canon(Rack::Multipart.parse_multipart(env) || {}))
        """;

    private static readonly JsonSerializerOptions Relaxed = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    /// <summary>The params both parsers agree on, as compact JSON.</summary>
    public static async Task<string> ParamsJsonAsync(string contentType, byte[] body)
    {
        var rack = Label(JsonNode.Parse(await RunRackAsync(contentType, body)));
        var testing = Label(FromTesting(await RequestParams.ReadAsync(body, contentType, CancellationToken.None)));
        var rackJson = rack?.ToJsonString(Relaxed) ?? "null";
        testing?.ToJsonString(Relaxed).Should().Be(rackJson, "the Testing package's parser must build what real Rack builds");
        return rackJson;
    }

    public static Task<string> ParamsJsonAsync(RawRequest request) => ParamsJsonAsync(request.ContentType, request.Body!);

    /// <summary>The params as a tree, for tests that pick out one value.</summary>
    public static async Task<JsonNode> ParamsAsync(RawRequest request) => JsonNode.Parse(await ParamsJsonAsync(request))!;

    private static async Task<string> RunRackAsync(string contentType, byte[] body)
    {
        var start = new ProcessStartInfo("ruby")
        {
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            StandardOutputEncoding = Encoding.UTF8,
        };
        start.ArgumentList.Add("-e");
        start.ArgumentList.Add(Script);
        start.ArgumentList.Add(contentType);
        Process process;
        try
        {
            process = Process.Start(start) ?? throw new XunitException(InstallHint);
        }
        catch (Win32Exception e)
        {
            throw new XunitException($"{InstallHint} (ruby could not be started: {e.Message})");
        }

        using (process)
        {
            using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60));
            var output = process.StandardOutput.ReadToEndAsync(timeout.Token);
            var error = process.StandardError.ReadToEndAsync(timeout.Token);
            await process.StandardInput.BaseStream.WriteAsync(body, timeout.Token);
            process.StandardInput.Close();
            await process.WaitForExitAsync(timeout.Token);
            if (process.ExitCode != 0)
            {
                var message = await error;
                throw new XunitException(message.Contains("cannot load such file -- rack", StringComparison.Ordinal)
                    ? $"{InstallHint} (ruby is there, Rack is not: {message.Trim()})"
                    : $"Rack refused the body (exit {process.ExitCode}): {message}");
            }

            return await output;
        }
    }

    private static JsonNode? FromTesting(object? value) => value switch
    {
        Dictionary<string, object?> hash => new JsonObject(hash.Select(p => KeyValuePair.Create(p.Key, FromTesting(p.Value)))),
        List<object?> list => new JsonArray([.. list.Select(FromTesting)]),
        RackFile file => new JsonObject
        {
            ["$file"] = file.FileName,
            ["type"] = file.ContentType,
            ["sha256"] = Convert.ToHexString(SHA256.HashData(file.Content.Span)).ToLowerInvariant(),
            ["length"] = file.Content.Length,
        },
        string text => JsonValue.Create(text),
        null => null,
        _ => throw new XunitException($"Unexpected value in the Testing parser's params: {value.GetType()}"),
    };

    /// <summary>Turns each file object into its one-line label.</summary>
    private static JsonNode? Label(JsonNode? node)
    {
        switch (node)
        {
            case JsonObject file when file["$file"] is { } name:
                var sha = file["sha256"]!.GetValue<string>();
                var content = Images.Named.FirstOrDefault(i => string.Equals(Convert.ToHexString(SHA256.HashData(i.Bytes)), sha, StringComparison.OrdinalIgnoreCase)).Name
                              ?? $"{file["length"]!.GetValue<int>()} bytes";
                return JsonValue.Create($"file:{name.GetValue<string>()}:{file["type"]?.GetValue<string>()}:{content}");
            case JsonObject hash:
                return new JsonObject(hash.Select(p => KeyValuePair.Create(p.Key, Label(p.Value?.DeepClone()))));
            case JsonArray array:
                return new JsonArray([.. array.Select(i => Label(i?.DeepClone()))]);
            default:
                return node?.DeepClone();
        }
    }
}
