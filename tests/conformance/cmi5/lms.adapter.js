/*
    The platform's adapter for ADL's CATAPULT cmi5 LMS Test Suite (see ../../../docs/xapi.md, "cmi5").

    It drives the package API of the platform (courses/packages/api_views.py): import a package, get a
    launch URL, delete, waive an AU, abandon a session; every call with the key and secret of an LRS client
    holding the "all" scope, which also reads the statements back from the platform's LRS.

    Environment: LMS_URL (the platform, e.g. http://127.0.0.1:8122), LMS_KEY, LMS_SECRET.
    run.sh copies this file to lib/lms.custom.js in its work copy of the suite, so "./errors" and
    "@hapi/wreck" resolve there.
*/
const Wreck = require("@hapi/wreck"),
    {InvalidPackageError} = require("./errors"),
    imported = [];

let client, lmsUrl, authHeader;

const failure = (ex) => {
    if (ex.isBoom && ex.data && ex.data.payload) {
        const payload = Buffer.isBuffer(ex.data.payload) ? ex.data.payload.toString() : JSON.stringify(ex.data.payload);

        return `${ex.output.statusCode} ${payload}`;
    }

    return String(ex);
};

module.exports = {
    setup: async () => {
        lmsUrl = (process.env.LMS_URL || "").replace(/\/+$/, "");
        if (! lmsUrl || ! process.env.LMS_KEY || ! process.env.LMS_SECRET) {
            throw new Error("set LMS_URL, LMS_KEY and LMS_SECRET");
        }
        authHeader = `Basic ${Buffer.from(`${process.env.LMS_KEY}:${process.env.LMS_SECRET}`).toString("base64")}`;
        client = Wreck.defaults({baseUrl: `${lmsUrl}/api/`, headers: {Authorization: authHeader}, json: true});
    },

    teardown: async () => {},

    getLrsEndpoint: () => `${lmsUrl}/xapi`,

    getLrsAuthHeader: () => authHeader,

    importCourse: async (stream, contentType, filename) => {
        let response;

        try {
            // Read the file first: a WSGI server does not take a chunked request body.
            const payload = await Wreck.read(stream);

            response = await client.post(
                `packages/?filename=${encodeURIComponent(filename || "package")}`,
                {headers: {"Content-Type": contentType}, payload}
            );
        }
        catch (ex) {
            if (ex.isBoom && ex.output.statusCode === 400) {
                throw new InvalidPackageError(`Invalid package: ${failure(ex)}`);
            }
            throw new Error(`Failed import request: ${failure(ex)}`);
        }
        imported.push(response.payload.id);

        return response.payload.id;
    },

    getLaunchUrl: async (courseId, auIndex, actor, {registration, launchMode} = {}) => {
        try {
            const response = await client.post(
                `packages/${courseId}/launch-url/${auIndex}/`,
                {payload: JSON.stringify({actor, registration, launchMode}), headers: {"Content-Type": "application/json"}}
            );

            return response.payload.url;
        }
        catch (ex) {
            throw new Error(`Failed to get a launch URL: ${failure(ex)}`);
        }
    },

    cleanup: async () => {
        while (imported.length > 0) {
            const id = imported.pop();

            try {
                await client.delete(`packages/${id}/`);
            }
            catch (ex) {
                if (! (ex.isBoom && ex.output.statusCode === 404)) {
                    console.log(`Failed to delete package ${id}: ${failure(ex)}`);
                }
            }
        }
    },

    hasWaive: () => true,

    waiveAU: async (registration, auIndex, reason) => {
        try {
            await client.post(
                `cmi5/registrations/${registration}/waive/${auIndex}/`,
                {payload: JSON.stringify({reason}), headers: {"Content-Type": "application/json"}}
            );
        }
        catch (ex) {
            throw new Error(`Failed to waive the AU: ${failure(ex)}`);
        }
    },

    hasAbandon: () => true,

    abandonSession: async (sessionId) => {
        try {
            await client.post(`cmi5/sessions/${sessionId}/abandon/`, {payload: "{}", headers: {"Content-Type": "application/json"}});
        }
        catch (ex) {
            throw new Error(`Failed to abandon the session: ${failure(ex)}`);
        }
    }
};
