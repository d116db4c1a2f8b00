using TenderFlow.Domain.Organisations;

namespace TenderFlow.Web.Seed;

/// <summary>A curated care provider with the registration details Bogus made up for it.</summary>
public sealed record DemoOrganisation(Organisation Entity, DemoOrganisationInput Input);
