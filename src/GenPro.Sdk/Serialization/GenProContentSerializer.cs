using System.Reflection;
using System.Text.Json.Serialization.Metadata;
using GenPro.Sdk.Agents;
using GenPro.Sdk.Http;
using GenPro.Sdk.Operations;
using Refit;

namespace GenPro.Sdk.Serialization;

/// <summary>
/// Refit's content-serializer hook for the SDK: reads success bodies into the models with the source-generated metadata
/// (<see cref="ResponseTypes"/>, which checks each object's id and name as it is read) and writes the agent bodies
/// (<see cref="AgentBody.ToContent"/>: JSON through the context's converter, or the form built before the call).
/// <para>
/// Its own rather than Refit's <see cref="SystemTextJsonContentSerializer"/> because a read failure must become the SDK's
/// exception while the model's name, the response and the operation are at hand (<see cref="OperationRunner.ReadJsonAsync"/>:
/// "could not be read as Agent", the deadline, the body limit), and a body must not be wrapped in a second content.
/// </para>
/// </summary>
internal sealed class GenProContentSerializer(OperationRunner runner) : IHttpContentSerializer, ISynchronousContentSerializer
{
    public Task<T?> FromHttpContentAsync<T>(HttpContent content, CancellationToken cancellationToken = default) =>
        content is BoundedResponseContent body
            ? runner.ReadJsonAsync(body.Response, body.Call, Metadata<T>.Type, body)
            : throw new InvalidOperationException("GenPro.Sdk reads only the responses of its own operations, whose bodies its pipeline bounds.");

    public HttpContent ToHttpContent<T>(T item) => Write(item);

    public HttpContent ToHttpContentSynchronous<T>(T item) => Write(item);

    public HttpContent ToStreamingHttpContent<T>(T item) => Write(item);

    public string? GetFieldNameForProperty(PropertyInfo propertyInfo) => null;

    private static HttpContent Write<T>(T item) =>
        item is AgentBody body
            ? body.ToContent()
            : throw new NotSupportedException($"GenPro.Sdk writes only agent bodies, not {typeof(T).Name}.");

    /// <summary>The metadata of <typeparamref name="T"/>, looked up once per type rather than per response.</summary>
    private static class Metadata<T>
    {
        public static readonly JsonTypeInfo<T?> Type = ResponseTypes.Get<T?>();
    }
}
