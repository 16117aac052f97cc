using System.Net;
using System.Net.Sockets;
using System.Reflection;
using System.Text;
using GenPro.Sdk.Tests.Infrastructure;

namespace GenPro.Sdk.Tests.Refit;

/// <summary>
/// Refit performs every exchange, yet no Refit type (<c>ApiException</c>, <c>ValidationApiException</c>,
/// <c>ApiRequestException</c>, <c>IApiResponse</c>) reaches a caller: not in the public API, not as an exception or
/// anywhere in its inner chain, on every error path (error statuses with and without a result type, unreadable and
/// oversized bodies, broken connections, refused connections, timeouts, the caller's cancellation), on both paths.
/// </summary>
public sealed class NoRefitTypeReachesCallersTests
{
    private static readonly Assembly RefitAssembly = typeof(global::Refit.RefitSettings).Assembly;

    public static TheoryData<string, string> Paths => ClientPaths.Cross(
        "500 on a call with a result",
        "500 on a call without one",
        "404 on a listing page",
        "422 on an update",
        "unreadable JSON",
        "a body over the limit",
        "a reset mid-body",
        "a refused connection",
        "a timeout",
        "the caller's cancellation");

    [Fact]
    public void The_public_api_names_no_refit_type()
    {
        var leaks = typeof(GenProClient).Assembly.GetExportedTypes()
            .SelectMany(type => SignatureTypes(type).Select(used => (type, used)))
            .Where(pair => pair.used.Assembly == RefitAssembly)
            .Select(pair => $"{pair.type.FullName} uses {pair.used.FullName}")
            .ToList();

        leaks.Should().BeEmpty();
        typeof(GenProClient).Assembly.GetReferencedAssemblies().Should().Contain(a => a.Name == "Refit", "Refit does the HTTP work");
    }

    [Theory]
    [MemberData(nameof(Paths))]
    public async Task No_error_path_surfaces_a_refit_type(string path, string failure)
    {
        using var server = Server(failure);
        var options = ApiServer.FastOptions(server?.BaseAddress ?? ClosedPort());
        options.Retry.MaxRetries = 0;
        options.MaxResponseBodySize = 1024;
        options.Timeout = failure == "a timeout" ? TimeSpan.FromMilliseconds(300) : TimeSpan.FromSeconds(20);
        using var client = ClientPaths.Create(path, options);
        using var cancel = new CancellationTokenSource(failure == "the caller's cancellation" ? TimeSpan.FromMilliseconds(300) : TimeSpan.FromSeconds(30));

        var e = await Record.ExceptionAsync(() => Call(client, failure, cancel.Token));

        e.Should().NotBeNull();
        if (failure == "the caller's cancellation")
        {
            e.Should().BeAssignableTo<OperationCanceledException>().Which.CancellationToken.Should().Be(cancel.Token);
        }
        else
        {
            e.Should().BeAssignableTo<GenProException>();
        }

        Chain(e!).Should().NotContain(x => x.GetType().Assembly == RefitAssembly, $"{failure} surfaced {string.Join(" <- ", Chain(e!).Select(x => x.GetType().Name))}");
    }

    private static Task Call(TestClient client, string failure, CancellationToken cancellationToken) => failure switch
    {
        "500 on a call without one" => client.Agents.DeleteAsync(42, cancellationToken),
        "404 on a listing page" => client.Avatars.ListAsync(42).ToListAsync(cancellationToken).AsTask(),
        "422 on an update" => client.Agents.UpdateAsync(42, new UpdateAgentRequest { Name = "x" }, cancellationToken),
        _ => client.Agents.GetAsync(42, cancellationToken: cancellationToken),
    };

    private static LoopbackServer? Server(string failure) => failure switch
    {
        "500 on a call with a result" or "500 on a call without one" => Answer("500 Internal Server Error", """{"error":"boom"}"""),
        "404 on a listing page" => Answer("404 Not Found", """{"error":"Agent not found","error_code":"agent_not_found"}"""),
        "422 on an update" => Answer("422 Unprocessable Entity", """{"error":"bad","error_code":"validation_error"}"""),
        "unreadable JSON" => Answer("200 OK", "{\"id\": 42, \"name\": "),
        "a body over the limit" => Answer("200 OK", "{\"id\": 42, \"name\": \"" + new string('x', 4096) + "\"}"),
        "a reset mid-body" => new LoopbackServer(async connection =>
        {
            await connection.ReadHeadAsync();
            await connection.Stream.WriteAsync(Encoding.ASCII.GetBytes("HTTP/1.1 200 OK\r\nContent-Length: 1000\r\n\r\n{\"id\": 4"));
            await connection.Stream.FlushAsync();
            connection.Reset();
        }),
        "a refused connection" => null,
        _ => LoopbackServer.Silent(),
    };

    private static LoopbackServer Answer(string status, string json) => LoopbackServer.Fixed(
        $"HTTP/1.1 {status}\r\nContent-Type: application/json\r\nContent-Length: {Encoding.UTF8.GetByteCount(json)}",
        Encoding.UTF8.GetBytes(json));

    /// <summary>A loopback port nothing listens on: bound, noted, released.</summary>
    private static Uri ClosedPort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var port = ((IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();
        return new Uri($"http://127.0.0.1:{port}/v1/");
    }

    private static List<Exception> Chain(Exception e)
    {
        var all = new List<Exception>();
        var pending = new Stack<Exception>([e]);
        while (pending.TryPop(out var next))
        {
            all.Add(next);
            if (next is AggregateException aggregate)
            {
                aggregate.InnerExceptions.ToList().ForEach(pending.Push);
            }
            else if (next.InnerException is { } inner)
            {
                pending.Push(inner);
            }
        }

        return all;
    }

    private static IEnumerable<Type> SignatureTypes(Type type)
    {
        const BindingFlags Visible = BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.Instance | BindingFlags.Static | BindingFlags.DeclaredOnly;
        IEnumerable<Type> used = [.. type.GetInterfaces(), .. type.BaseType is { } b ? [b] : Array.Empty<Type>()];
        foreach (var member in type.GetMembers(Visible))
        {
            var visible = member switch
            {
                MethodBase m => m.IsPublic || m.IsFamily || m.IsFamilyOrAssembly,
                FieldInfo f => f.IsPublic || f.IsFamily || f.IsFamilyOrAssembly,
                PropertyInfo p => p.GetMethod is { IsPublic: true } or { IsFamily: true } || p.SetMethod is { IsPublic: true } or { IsFamily: true },
                EventInfo ev => ev.AddMethod is { IsPublic: true },
                _ => false,
            };
            if (!visible)
            {
                continue;
            }

            used = used.Concat(member switch
            {
                MethodInfo m => [m.ReturnType, .. m.GetParameters().Select(p => p.ParameterType)],
                ConstructorInfo c => c.GetParameters().Select(p => p.ParameterType),
                FieldInfo f => [f.FieldType],
                PropertyInfo p => [p.PropertyType],
                EventInfo ev => [ev.EventHandlerType!],
                _ => [],
            });
        }

        return used.SelectMany(Flatten);
    }

    private static IEnumerable<Type> Flatten(Type type) =>
        type.HasElementType ? Flatten(type.GetElementType()!)
        : type.IsGenericType ? [type.GetGenericTypeDefinition(), .. type.GetGenericArguments().SelectMany(Flatten)]
        : [type];
}
