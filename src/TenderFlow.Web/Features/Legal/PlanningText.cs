namespace TenderFlow.Web.Features.Legal;

public static class PlanningText
{
    public static PlanningChartText For(PlanningPicture picture) => new(
        PortalText.Get("Planned and actual course") + ": " + picture.Title,
        PortalText.Get("Per phase the planned window (thin bar) above the actual course (thick bar); per deadline the planned moment (hollow diamond) and the current one (filled); the dashed line is now. The table below the picture holds the same data."),
        PortalText.Get("planned"), PortalText.Get("actual (chart)"), PortalText.Get("now (chart)"), PortalText.Get("Deadline"), PortalText.Get("moved to (chart)"));
}
