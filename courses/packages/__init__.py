"""Content packages: what authoring tools export (cmi5, Tin Can, SCORM), read safely, validated and stored.

``archive`` opens an uploaded zip as hostile input; ``kinds`` holds the registry of package kinds (each
with its manifest file and parser); ``importing`` validates an upload and stores its files through Django's
storage; ``serving`` answers the package's files on the separate content origin.
"""
