"""Activity definitions the store keeps from the statements it stores, as the Activities resource returns them.

The first definition of an activity is kept; a client with the ``define`` scope may update it, and language maps
then gain the new languages. :mod:`.bulk_insert` does the same in SQL on PostgreSQL.
"""

from django.utils import timezone

from .models import ActivityDefinition

LANGUAGE_MAPS = ("name", "description")


def merge_definition(old, new):
    """``old`` updated with ``new``: language maps gain the new languages (and new texts), other properties are
    replaced, so the Activities resource shows every language any statement described an activity in."""
    merged = {**old, **new}
    for key in LANGUAGE_MAPS:
        if isinstance(old.get(key), dict) and isinstance(new.get(key), dict):
            merged[key] = {**old[key], **new[key]}
    return merged


def batch_definitions(statements):
    """``{activity id: definition}`` of the activities the statements define, merged in the batch's order."""
    definitions = {}
    for statement in statements:
        for activity in _activities_with_definitions(statement):
            definitions[activity["id"]] = merge_definition(definitions.get(activity["id"], {}), activity["definition"])
    return definitions


def save_definitions(definitions, may_define):
    """Keep the definitions of activities not defined yet; with ``may_define``, merge the others into theirs."""
    if not definitions:
        return
    existing = {a.activity_id: a for a in ActivityDefinition.objects.filter(activity_id__in=definitions)}
    new = [ActivityDefinition(activity_id=i, definition=d) for i, d in definitions.items() if i not in existing]
    ActivityDefinition.objects.bulk_create(new, ignore_conflicts=True)
    if may_define:
        for activity_id, definition in definitions.items():
            if activity_id in existing:
                merged = merge_definition(existing[activity_id].definition, definition)
                if merged != existing[activity_id].definition:
                    ActivityDefinition.objects.filter(activity_id=activity_id).update(
                        definition=merged, updated=timezone.now()
                    )


def _activities_with_definitions(statement):
    obj = statement["object"]
    if obj.get("objectType", "Activity") == "Activity" and "definition" in obj:
        yield obj
    if obj.get("objectType") == "SubStatement":
        yield from _activities_with_definitions(obj)
    for items in ((statement.get("context") or {}).get("contextActivities") or {}).values():
        for item in items if isinstance(items, list) else [items]:
            if "definition" in item:
                yield item
