namespace GenPro.Sdk.Operations;

/// <summary>
/// One request of an endpoint, as its route describes it (<c>AgentRoutes</c>, <c>AvatarRoutes</c>): the method, the path
/// under the API's base address (<c>/agents/42</c>, query included) and the body, owned by the endpoint client.
/// </summary>
internal readonly record struct ApiRequest(HttpMethod Method, string Path, HttpContent? Content = null);
