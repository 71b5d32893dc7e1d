"""cmi5 (the xAPI profile for launched content), the LMS side: launch sessions, tokens, LaunchData, the LMS's
own statements, and the rules the LRS enforces on an AU's traffic.

It knows nothing of courses: callers describe a course structure with :class:`~.launch.CourseDefinition`
(the LMS ids and publisher ids of its course, blocks and AUs) and an actor, and get back a launch URL. The
LRS calls :func:`~.rules.check` before storing what an AU session sends and :func:`~.rules.apply` after.
"""
