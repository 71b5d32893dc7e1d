"""schema.org Organization descriptions of the Centre and its hubs, for search engines (JSON-LD)."""


def _parliament(parliament, request=None):
    item = {"@type": "GovernmentOrganization", "name": parliament.name}
    if parliament.website:
        item["url"] = parliament.website
    return item


def centre_organization(page, request=None):
    data = {
        "@context": "https://schema.org",
        "@type": "Organization",
        "@id": page.get_full_url(request) + "#organization",
        "name": page.title,
        "url": page.get_full_url(request),
        "description": page.sharing_description or page.introduction,
        "email": page.contact_email,
        "parentOrganization": {
            "@type": "Organization",
            "name": "Inter-Parliamentary Union",
            "url": "https://www.ipu.org",
        },
        "subOrganization": [
            {"@type": "Organization", "name": hub.title, "url": hub.get_full_url(request)} for hub in page.hubs()
        ],
    }
    return data


def hub_organization(page, request=None):
    data = {
        "@context": "https://schema.org",
        "@type": "Organization",
        "@id": page.get_full_url(request) + "#organization",
        "name": page.title,
        "url": page.get_full_url(request),
        "description": page.sharing_description or page.introduction,
        "sponsor": _parliament(page.host),
        "member": [_parliament(parliament) for parliament in page.participants()],
    }
    centre = page.centre()
    if centre is not None:
        data["parentOrganization"] = {
            "@type": "Organization",
            "name": centre.title,
            "url": centre.get_full_url(request),
        }
    if page.contact_email:
        data["email"] = page.contact_email
    return data
