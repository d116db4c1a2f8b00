using System.Collections;
using System.Reflection;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;

namespace TenderFlow.Web.Features;

/// <summary>
/// A request body whose list holds a <c>null</c> item (<c>"attendees": [null]</c>) is refused while it is read, as any
/// other unreadable JSON (400 <c>InvalidRequestRule</c> naming the item): System.Text.Json does not enforce that list items
/// are not null, and every feature would otherwise meet a null where its request type promises a value. Applies to our
/// own request types only, in the Web and the Domain assembly (the guideline's input is a Domain type); items declared
/// nullable (<c>List&lt;string?&gt;</c>) may be null.
/// </summary>
public static class EmptyListItems
{
    public static void Refuse(JsonTypeInfo info)
    {
        if (info.Kind != JsonTypeInfoKind.Object || !IsOurs(info.Type))
        {
            return;
        }
        var lists = info.Properties.Where(p => p.Get is not null && ItemsMustBeValues(p)).ToList();
        if (lists.Count == 0)
        {
            return;
        }
        var previous = info.OnDeserialized;
        info.OnDeserialized = value =>
        {
            previous?.Invoke(value);
            foreach (var list in lists)
            {
                var index = 0;
                foreach (var item in list.Get!(value) as IEnumerable ?? Array.Empty<object>())
                {
                    if (item is null)
                    {
                        throw new JsonException($"The item at '{list.Name}[{index}]' is null; every item must be a value.", $"$.{list.Name}[{index}]", null, null);
                    }
                    index++;
                }
            }
        };
    }

    private static bool IsOurs(Type type) =>
        type.Assembly == typeof(EmptyListItems).Assembly || type.Assembly == typeof(Domain.Publication.GuidelineInput).Assembly;

    private static bool ItemsMustBeValues(JsonPropertyInfo property)
    {
        var type = property.PropertyType;
        if (type == typeof(string) || !type.IsGenericType || !typeof(IEnumerable).IsAssignableFrom(type)
            || type.GetGenericArguments() is not [{ IsValueType: false }])
        {
            return false;
        }
        // A context per call: NullabilityInfoContext is not thread-safe, and type information is built on many threads at once.
        var nullability = new NullabilityInfoContext();
        var item = property.AttributeProvider switch
        {
            PropertyInfo p => nullability.Create(p).GenericTypeArguments,
            ParameterInfo p => nullability.Create(p).GenericTypeArguments,
            _ => [],
        };
        return item is not [{ ReadState: NullabilityState.Nullable }];
    }
}
