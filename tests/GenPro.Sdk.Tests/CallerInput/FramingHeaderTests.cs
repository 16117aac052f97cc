using GenPro.Sdk.Tests.Infrastructure;

namespace GenPro.Sdk.Tests.CallerInput;

/// <summary>
/// Framing and hop-by-hop headers in <see cref="GenProRequestOptions.Headers"/> are refused before anything is sent,
/// naming the header, like <c>Content-*</c>: a caller's <c>Transfer-Encoding</c> made a GET fail "in transport" and a
/// POST go out with both <c>Transfer-Encoding</c> and <c>Content-Length</c>.
/// </summary>
public sealed class FramingHeaderTests
{
    public static TheoryData<string, string, string> Cases
    {
        get
        {
            var rows = new TheoryData<string, string, string>();
            foreach (var path in new[] { ClientPaths.Constructed, ClientPaths.DependencyInjection })
            {
                foreach (var header in new[] { "Transfer-Encoding", "transfer-encoding", "Connection", "Upgrade", "TE", "te", "Trailer", "Keep-Alive", "Expect" })
                {
                    foreach (var call in new[] { "GET", "POST", "multipart POST", "listing" })
                    {
                        rows.Add(path, header, call);
                    }
                }
            }

            return rows;
        }
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public async Task A_framing_or_hop_by_hop_header_is_refused_before_sending_naming_it(string path, string header, string call)
    {
        using var server = LoopbackServer.Recording(json: Samples.Agent);
        using var client = ClientPaths.Create(path, ApiServer.FastOptions(server.BaseAddress));
        var options = new GenProRequestOptions { Headers = { [header] = header.Equals("TE", StringComparison.OrdinalIgnoreCase) ? "trailers" : "chunked" } };

        Func<Task> act = call switch
        {
            "GET" => () => client.Agents.GetAsync(1, false, options),
            "POST" => () => client.Agents.CreateAsync(new CreateAgentRequest { Name = "A" }, options),
            "multipart POST" => () => client.Avatars.UploadAsync(1, [AvatarUpload.FromBytes(Images.Png, "a.png")], options),
            _ => async () =>
            {
                await foreach (var avatar in client.Avatars.ListAsync(1, null, options))
                {
                    _ = avatar;
                }
            },
        };

        var e = (await act.Should().ThrowExactlyAsync<ArgumentException>()).Which;
        e.ParamName.Should().Be("requestOptions");
        e.Message.Should().StartWith($"GenProRequestOptions.Headers may not set '{header}'");
        server.Requests.Should().BeEmpty();
    }
}
