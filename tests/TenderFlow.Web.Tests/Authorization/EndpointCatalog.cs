using System.Reflection;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.Razor.Hosting;
using Microsoft.AspNetCore.Routing;

namespace TenderFlow.Web.Tests.Authorization;

/// <summary>
/// Every endpoint the app serves, as "METHOD /route" keys: minimal-API endpoints from their HTTP method metadata,
/// Razor pages once per handler method of their page model (OnGet, OnPostFire → "POST /route?handler=Fire").
/// </summary>
public static partial class EndpointCatalog
{
    [GeneratedRegex("^On(Get|Post|Put|Delete|Patch)(\\w*?)(Async)?$")]
    private static partial Regex HandlerPattern();

    public static IReadOnlySet<string> Keys(EndpointDataSource source)
    {
        var keys = new SortedSet<string>(StringComparer.Ordinal);
        var compiledPages = typeof(Program).Assembly.GetTypes()
            .Select(t => (Type: t, Id: t.GetCustomAttributes<RazorCompiledItemMetadataAttribute>().FirstOrDefault(a => a.Key == "Identifier")?.Value))
            .Where(x => x.Id is not null)
            .ToDictionary(x => x.Id!, x => x.Type);
        foreach (var endpoint in source.Endpoints.OfType<RouteEndpoint>())
        {
            var route = "/" + (endpoint.RoutePattern.RawText ?? "").TrimStart('/');
            var page = endpoint.Metadata.OfType<Microsoft.AspNetCore.Mvc.RazorPages.PageActionDescriptor>().FirstOrDefault();
            if (page is not null)
            {
                var model = compiledPages[page.RelativePath].GetProperty("Model")?.PropertyType;
                var handlers = model is null || !typeof(PageModel).IsAssignableFrom(model)
                    ? [("GET", "")]
                    : model.GetMethods(BindingFlags.Public | BindingFlags.Instance | BindingFlags.DeclaredOnly)
                        .Select(m => HandlerPattern().Match(m.Name)).Where(m => m.Success)
                        .Select(m => (m.Groups[1].Value.ToUpperInvariant(), m.Groups[2].Value)).ToList();
                foreach (var (verb, handler) in handlers)
                {
                    keys.Add($"{verb} {route}{(handler.Length == 0 ? "" : "?handler=" + handler)}");
                }
                continue;
            }
            var methods = endpoint.Metadata.GetMetadata<HttpMethodMetadata>()?.HttpMethods ?? ["ANY"];
            foreach (var method in methods)
            {
                keys.Add($"{method} {route}");
            }
        }
        return keys;
    }
}
