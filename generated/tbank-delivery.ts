// Generated from specs/tbank-delivery.yaml by `npm run generate`. Do not edit by hand.

export interface paths {
    "/api/v1/delivery/tasks": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Create a task
         * @description Creates a delivery / meeting task for a bank representative and returns its id.
         *
         *     * `template` (required) names the business logic of the task. The set of templates is agreed with each
         *       partner at onboarding and is not published (the client library's examples use `COURIER`).
         *     * `contacts` are the people whose identity the representative checks at the meeting.
         *
         *     Send an `Idempotency-Key` (UUID) and retry with the **same** key. Rate limit: **10 requests per second**.
         *     Scope: `opensme/inn/[{inn}]/kpp/[{kpp}]/delivery/tasks/create`.
         *
         *     The reference page is cut off after `contacts[].documents`; further top-level fields (for products, a
         *     survey or an address) may exist, so unknown fields are not forbidden. The `200` body `{id}` is taken from
         *     the client library (unconfirmed).
         *
         *     **Local mock** (its choices; the reference is silent): the task is stored with the fields sent, a new UUID
         *     `id` and status `NEW`. The same `Idempotency-Key` with the same body answers the same `{id}` again; with
         *     another body a `422` `IDEMPOTENCY_KEY_REUSED` (`errorDetails` names `Idempotency-Key`). Without the header
         *     every call creates a task.
         */
        post: operations["createTask"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/delivery/tasks/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Get a task
         * @description Returns the current state of a task: status, result of the meeting, resolution, attachments and photos.
         *     Scope: `.../delivery/tasks/create`. No rate limit is published.
         *
         *     The `DeliveryTask` body is **not published** (unconfirmed); it follows the client library, and unknown
         *     fields are allowed. No `404` is documented for an unknown id.
         *
         *     **Local mock** (its choices): the task as created and updated (the fields sent, `id`, `status`) with an
         *     `attachments` entry `{id, type}` per uploaded document; an unknown id is a `422` `NOT_FOUND`.
         */
        get: operations["getTask"];
        /**
         * Update a task
         * @description Replaces the data of a task. The body has the same fields and rules as `createTask` (`template` required)
         *     plus `photos` (the latter only from the client library, unconfirmed). No `Idempotency-Key` and no rate
         *     limit are documented. Scope: `opensme/inn/[{inn}]/kpp/[{kpp}]/delivery/tasks/update`.
         *
         *     On success the API returns an empty object (unconfirmed beyond the page's wording; the client library
         *     returns nothing).
         *
         *     **Local mock** (its choices): while the task is `NEW` or `MEETING_SCHEDULED`, each top-level field sent
         *     replaces the stored one (fields not sent stay; `id`, `status` and `attachments` never change); after
         *     `cancelTask` (or any other status) a `422` `UNPROCESSABLE_ENTITY` (example `taskClosed`); an unknown id a
         *     `422` `NOT_FOUND`.
         */
        put: operations["updateTask"];
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/delivery/tasks/{id}/cancel": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Cancel a task
         * @description Cancels a task; after that no more work is done on it. `reason` (free text, no enum) is required.
         *     Scope: `.../delivery/tasks/create`.
         *
         *     The `200` body is not documented; it is modelled as an empty object (unconfirmed; the client library
         *     returns nothing and its tests answer `{}`).
         *
         *     **Local mock** (its choices): a `NEW` or `MEETING_SCHEDULED` task becomes `CANCELLED` (the reference says only
         *     that no more work is done on it); cancelling it again, or changing it later, is a `422`
         *     `UNPROCESSABLE_ENTITY` (example `taskClosed`); an unknown id a `422` `NOT_FOUND`.
         */
        post: operations["cancelTask"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/delivery/meetings/intervals": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Get available meeting intervals
         * @description Returns the time windows in which a meeting can take place at the given address, for the given tasks,
         *     together with the `appointmentId` to pass to `createMeeting`. Scope: `.../delivery/tasks/create`.
         *
         *     The `200` body is **not published** (unconfirmed; taken from the client library). The format of the
         *     interval times is unknown: the client library's tests use clock times such as `10:00`, the real API may
         *     return date-times; `timeOffset` (e.g. `+03:00`) is the offset of the meeting's time zone.
         *
         *     **Local mock** (its choices): every call opens a new appointment (`appointmentId`, a UUID) offering four
         *     windows as local date-times (the `dateTimes` form): 10:00–12:00 and 14:00–16:00 of the next two days, with
         *     `timeOffset` `+03:00`. A task id it does not know is a `422` `NOT_FOUND`.
         */
        post: operations["getIntervals"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/delivery/meetings": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Book a meeting
         * @description Confirms one window from the `getIntervals` list and books the meeting for its tasks. Pass the
         *     `appointmentId` and the chosen interval's `startInterval` / `endInterval` unchanged as
         *     `intervalStartTime` / `intervalEndTime` (no format is published). Scope: `.../delivery/tasks/create`.
         *
         *     The `200` body `{meetingId}` is taken from the client library (unconfirmed).
         *
         *     **Local mock** (its choices): the interval must be one the appointment offered, exactly as offered; any
         *     other, an unknown `appointmentId`, or an appointment already booked is a `422` `UNPROCESSABLE_ENTITY`
         *     whose `errorDetails` names the field. A booking moves the appointment's `NEW` tasks to `MEETING_SCHEDULED`.
         */
        post: operations["createMeeting"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/delivery/documents": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Upload a document to a task
         * @description Uploads a file (`multipart/form-data`) and links it to a task. Send `prevDocId` to replace a document
         *     uploaded earlier. Rate limit: **10 requests per second**.
         *     Scope: `opensme/inn/[{inn}]/kpp/[{kpp}]/delivery/documents/create`.
         *
         *     Parts: `taskId`, `type` and the file `content` (its filename, e.g. `act.pdf`, goes in the part's
         *     `Content-Disposition`) are required; `prevDocId`, `description` and `meta` are optional. The reference
         *     types `meta` as an object with string values but does not say how it is encoded in multipart; it is
         *     modelled as a part holding a JSON text (unconfirmed).
         *
         *     The `200` body `{id}` is taken from the client library (unconfirmed).
         *
         *     **Local mock** (its choices): the bytes are stored with the part's media type and file name (`document`
         *     when none is given) under a new UUID, and the task lists it in `attachments`; an unknown `taskId` is a
         *     `422` `NOT_FOUND`. `prevDocId` is not acted on: the earlier document stays. The file name is read as
         *     browsers and HTTP libraries send it in `multipart/form-data` (quoted, `"` as `%22`, CR LF as `%0D%0A`, no
         *     backslash escapes), or from an RFC 5987 `filename*=UTF-8''…` (preferred when both are sent); a part whose
         *     `Content-Disposition` cannot be read (an unterminated quote, text after the closing quote, a bad
         *     `filename*`) is a `400` naming the part. The source is silent on all of this. `downloadDocument` sends the
         *     name back as `attachment; filename="…"` (ASCII, `"` escaped) with `filename*` for the rest.
         */
        post: operations["uploadDocument"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/delivery/documents/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Download a document
         * @description Returns the document itself as raw bytes. Scope: `.../delivery/documents/create`. No rate limit is
         *     published.
         *
         *     The media type is **not published** (unconfirmed): `application/octet-stream` is listed first (the client
         *     library's tests use it), `application/pdf`, `image/jpeg` and `image/png` are allowed too. Read the
         *     `Content-Type` response header for the actual type and `Content-Disposition` for the file name. Read the
         *     body as bytes (e.g. `parseAs: 'arrayBuffer'`), never as JSON. Errors are still JSON `Error` objects.
         *
         *     The local mock host answers with a real one-page PDF (`application/pdf`, file name `акт.pdf`); Prism alone
         *     would return the example text. Keeping state (its default), it answers an uploaded document's own bytes,
         *     media type (one of those listed here, else `application/octet-stream`) and file name (`filename*` in UTF-8
         *     beside an ASCII `filename`); an unknown id is a `422` `NOT_FOUND` (its choice).
         */
        get: operations["downloadDocument"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
}
export type webhooks = Record<string, never>;
export interface components {
    schemas: {
        /**
         * @description Type of a contact's phone (`PhoneType2` in the reference): `MOBILE`, `HOME`, `WORK` or `OTHER`.
         * @example MOBILE
         * @enum {string}
         */
        PhoneType: "MOBILE" | "HOME" | "WORK" | "OTHER";
        /**
         * @description Type of an identity document. Only `PASSPORT` is known (the client library's enum); the reference's list is
         *     cut off and advises keeping the set open, so any other non-empty value is accepted too (unconfirmed which).
         * @example PASSPORT
         */
        IdentificationDocumentType: string;
        /**
         * @description Name of the task's business logic. The set of templates is agreed with each partner at onboarding and is
         *     not published, so it is a plain string (the client library's examples use `COURIER`).
         * @example COURIER
         */
        Template: string;
        /**
         * @description Free-form partner metadata of a task; keys and values are strings.
         * @example {
         *       "orderId": "ORD-2025-000187"
         *     }
         */
        TaskMeta: {
            [key: string]: string;
        };
        /**
         * @description Body of `createTask`. Only `template` is required. The reference page is cut off after
         *     `contacts[].documents`, so further top-level fields may exist; unknown fields are therefore not forbidden.
         */
        CreateTaskRequest: {
            template: components["schemas"]["Template"];
            /**
             * @description Note for the bank representative.
             * @example Позвонить за 30 минут до встречи
             */
            commentForAgent?: string;
            /**
             * @description Id of the parent task.
             * @example 0b8e5f3c-2a41-4d7e-9f6a-3c1d2e4b5a60
             */
            parentTaskId?: string;
            meta?: components["schemas"]["TaskMeta"];
            /** @description The people whose identity the representative checks at the meeting. */
            contacts?: components["schemas"]["Contact"][];
        };
        /**
         * @description Body of `updateTask`: the fields of `CreateTaskRequest` (`template` required) plus `photos`. `photos` is
         *     sent by the client library but lies past the visible part of the reference page (unconfirmed). Unknown
         *     fields are not forbidden.
         */
        UpdateTaskRequest: {
            template: components["schemas"]["Template"];
            /**
             * @description Note for the bank representative.
             * @example Клиент просит приехать после 18:00
             */
            commentForAgent?: string;
            /**
             * @description Id of the parent task.
             * @example 0b8e5f3c-2a41-4d7e-9f6a-3c1d2e4b5a60
             */
            parentTaskId?: string;
            meta?: components["schemas"]["TaskMeta"];
            /** @description The people whose identity the representative checks at the meeting. */
            contacts?: components["schemas"]["Contact"][];
            /** @description Photos of the task (unconfirmed field). */
            photos?: components["schemas"]["Photo"][];
        };
        /** @description Body of `cancelTask`. */
        CancelTaskRequest: {
            /**
             * @description Reason for the cancellation, free text (no enum is published).
             * @example Клиент отказался от получения карты
             */
            reason: string;
        };
        /**
         * @description A person whose identity the representative checks at the meeting. The reference page is cut off inside
         *     `documents` (its description starts "for role …", so which documents are needed depends on `role`);
         *     unknown fields are not forbidden.
         */
        Contact: {
            /**
             * @description Unique id of the contact, chosen by the partner.
             * @example c-1
             */
            id: string;
            /**
             * @description Role of the contact in the task. No values are published (unconfirmed), so it is a plain string.
             * @example CLIENT
             */
            role?: string;
            /**
             * @description First name.
             * @example Иван
             */
            firstName?: string;
            /**
             * @description Last name.
             * @example Петров
             */
            lastName?: string;
            /**
             * @description Middle name (patronymic).
             * @example Сергеевич
             */
            middleName?: string;
            /**
             * Format: date
             * @description Date of birth, `YYYY-MM-DD`.
             * @example 1985-04-12
             */
            birthDate?: string;
            /** @description Phone numbers of the contact. */
            phones?: components["schemas"]["Phone"][];
            /**
             * @description Identity documents of the contact; which are required depends on the contact's role (the rule is cut
             *     off in the reference). An item is a `Passport` (the client library's only known type; an item without
             *     `type` is one) or a document of another type, kept open (`OtherIdentityDocument`).
             */
            documents?: components["schemas"]["IdentityDocument"][];
        };
        /** @description A contact's phone number. */
        Phone: {
            type: components["schemas"]["PhoneType"];
            /**
             * @description Phone number as `+7` followed by 10 digits, no spaces or dashes. The reference gives the pattern as
             *     `^((\+7)([0-9]){10})$`, which is equivalent. `89161234567` or `+7 916 123-45-67` are rejected.
             * @example +79161234567
             */
            number: string;
        };
        /**
         * @description An identity document of a contact: a `Passport` (`type` `PASSPORT` or absent), or a document of any other
         *     type (`OtherIdentityDocument`), whose fields are not published.
         */
        IdentityDocument: components["schemas"]["Passport"] | components["schemas"]["OtherIdentityDocument"];
        /**
         * @description An identity document of a type other than `PASSPORT`. The reference's list of types and fields is cut off
         *     (unconfirmed), so only a non-empty `type` is required and any fields are accepted.
         */
        OtherIdentityDocument: {
            type: components["schemas"]["IdentificationDocumentType"];
            /** @description Document number, if the type has one. */
            number?: string;
            /** @description Document series, if the type has one. */
            series?: string;
        };
        /**
         * @description Identity document (passport) of a contact. The whole item schema comes from the client library
         *     (unconfirmed); unknown fields are not forbidden.
         */
        Passport: {
            /**
             * @description Passport number (6 digits for a Russian passport).
             * @example 123456
             */
            number: string;
            /**
             * @description Passport series (4 digits for a Russian passport).
             * @example 4509
             */
            series: string;
            /**
             * @description `PASSPORT`, the default (the client library fills it in when it is left out).
             * @default PASSPORT
             * @constant
             */
            type?: "PASSPORT";
            /**
             * @description Name of the issuing division.
             * @example ГУ МВД России по г. Москве
             */
            divisionName?: string;
            /**
             * Format: date
             * @description Date of issue, `YYYY-MM-DD`.
             * @example 2015-06-20
             */
            issueDate?: string;
        };
        /**
         * @description Address of the meeting (`Address1` in the reference). Only `fullAddress` is required; the parts are
         *     optional strings. The reference lists exactly these fields.
         */
        Address: {
            /**
             * @description The whole address in one line.
             * @example г. Москва, ул. Тверская, д. 1, кв. 10
             */
            fullAddress: string;
            /**
             * @description Postal code.
             * @example 125009
             */
            zipCode?: string;
            /**
             * @description Country.
             * @example Россия
             */
            country?: string;
            /**
             * @description Region (субъект РФ).
             * @example Москва
             */
            region?: string;
            /**
             * @description District of the region (район).
             * @example Одинцовский р-н
             */
            area?: string;
            /**
             * @description City.
             * @example Москва
             */
            city?: string;
            /**
             * @description Street.
             * @example ул. Тверская
             */
            street?: string;
            /**
             * @description House number.
             * @example 1
             */
            house?: string;
            /**
             * @description Building (корпус).
             * @example 2
             */
            building?: string;
            /**
             * @description Flat (квартира).
             * @example 10
             */
            flat?: string;
            /**
             * @description Construction (строение).
             * @example 1
             */
            construction?: string;
            /**
             * @description Settlement (населённый пункт) outside a city.
             * @example пос. Лесной Городок
             */
            settlement?: string;
        };
        /** @description Body of `getIntervals`. The reference lists exactly these fields. */
        GetIntervalsRequest: {
            /**
             * @description Tasks to find windows for (item type string is inferred).
             * @example [
             *       "7c9e6679-7425-40de-944b-e07fc1f90ae7"
             *     ]
             */
            taskIds?: string[];
            address: components["schemas"]["Address"];
        };
        /**
         * @description One window in which the meeting can take place (unconfirmed, from the client library). The time format is
         *     not published: clock times such as `10:00` or local date-times; interpret them with
         *     `GetIntervalsResult.timeOffset`.
         */
        Interval: {
            /**
             * @description Start of the window; pass it unchanged as `intervalStartTime` of `createMeeting`.
             * @example 2025-03-14T10:00:00
             */
            startInterval: string;
            /**
             * @description End of the window; pass it unchanged as `intervalEndTime` of `createMeeting`.
             * @example 2025-03-14T12:00:00
             */
            endInterval: string;
        };
        /** @description Result of `getIntervals` (unconfirmed, from the client library). Other fields may be added. */
        GetIntervalsResult: {
            /**
             * @description Id of the appointment to pass to `createMeeting`.
             * @example 5f0c9d2e-8b7a-4c6d-9e1f-2a3b4c5d6e7f
             */
            appointmentId: string;
            /**
             * @description UTC offset of the meeting's time zone, e.g. `+03:00` (format unconfirmed).
             * @example +03:00
             */
            timeOffset: string;
            /** @description Available windows; may be empty or absent when none is free. */
            intervals?: components["schemas"]["Interval"][];
        };
        /** @description Body of `createMeeting`. The reference lists exactly these fields (no time format is given). */
        CreateMeetingRequest: {
            /**
             * @description `appointmentId` from `getIntervals`.
             * @example 5f0c9d2e-8b7a-4c6d-9e1f-2a3b4c5d6e7f
             */
            appointmentId: string;
            /**
             * @description `startInterval` of the chosen interval.
             * @example 2025-03-14T10:00:00
             */
            intervalStartTime: string;
            /**
             * @description `endInterval` of the chosen interval.
             * @example 2025-03-14T12:00:00
             */
            intervalEndTime: string;
            /**
             * @description Note for the bank representative about this meeting.
             * @example Въезд во двор с ул. Гашека
             */
            commentForAgent?: string;
        };
        /** @description Result of `createMeeting` (unconfirmed, from the client library). Other fields may be added. */
        CreateMeetingResult: {
            /**
             * @description Id of the booked meeting.
             * @example e4d909c2-90d0-4fb1-8a3c-6b2f1e0d9c8b
             */
            meetingId: string;
        };
        /** @description Result of `createTask` (the field name comes from the client library). Other fields may be added. */
        CreateTaskResult: {
            /**
             * @description Id of the new task.
             * @example 7c9e6679-7425-40de-944b-e07fc1f90ae7
             */
            id: string;
        };
        /**
         * @description Current state of a task, returned by `getTask`. The schema is **not published** (unconfirmed); it follows
         *     the client library, and T-Bank may add fields. `status`, `meetResult`, `resolution` and `subResolution`
         *     are plain strings because their value sets are not published.
         */
        DeliveryTask: {
            /**
             * @description Task id.
             * @example 7c9e6679-7425-40de-944b-e07fc1f90ae7
             */
            id: string;
            /**
             * @description Status of the task. The value set is not published (unconfirmed); `NEW` and `COMPLETED` are the only
             *     values seen (in the client library's tests). Treat unknown values as "in progress". The local mock also
             *     uses `MEETING_SCHEDULED` (a meeting booked) and `CANCELLED` (after `cancelTask`): its own names.
             * @example NEW
             * @example COMPLETED
             */
            status: string;
            template: components["schemas"]["Template"];
            /**
             * @description Result of the meeting. No values are published (unconfirmed).
             * @example SUCCESS
             */
            meetResult?: string;
            /**
             * @description Resolution of the task. No value set is published (unconfirmed); `DELIVERED` is seen in the client
             *     library's tests.
             * @example DELIVERED
             */
            resolution?: string;
            /** @description Detail of the resolution. No values are published (unconfirmed). */
            subResolution?: string;
            /**
             * @description Id of the parent task, if any.
             * @example 0b8e5f3c-2a41-4d7e-9f6a-3c1d2e4b5a60
             */
            parentTaskId?: string;
            /**
             * @description Partner metadata of the task. Sent as string values; typed as any values here because the response
             *     schema is unconfirmed.
             */
            meta?: {
                [key: string]: unknown;
            };
            /** @description Documents attached to the task (download them with `downloadDocument`). */
            attachments?: components["schemas"]["Attachment"][];
            /** @description Photos taken by the representative. */
            photos?: components["schemas"]["Photo"][];
        };
        /** @description A document attached to a task (unconfirmed, from the client library). Other fields may be added. */
        Attachment: {
            /**
             * @description Document id; pass it to `downloadDocument`.
             * @example 3d6f0a8e-1b2c-4d5e-8f90-a1b2c3d4e5f6
             */
            id: string;
            type: components["schemas"]["DocumentType"];
            /** @description Metadata of the document (contents unconfirmed). */
            meta?: {
                [key: string]: unknown;
            };
        };
        /**
         * @description A photo taken during the task (unconfirmed, from the client library). Also sent in `UpdateTaskRequest`.
         *     Other fields may be added.
         */
        Photo: {
            /**
             * @description Photo id.
             * @example 9a1b2c3d-4e5f-4a6b-8c7d-0e1f2a3b4c5d
             */
            id: string;
            /**
             * @description What is photographed, e.g. a passport. No values are published (unconfirmed).
             * @example PASSPORT
             */
            type?: string;
            /**
             * @description Detail of `type`, e.g. a passport spread. No values are published (unconfirmed).
             * @example MAIN_SPREAD
             */
            subType?: string;
            /**
             * @description Page (sheet) number of a multi-page document.
             * @example 1
             */
            sheetNumber?: number;
            /** @description Result of the bank's review of the photo (contents unconfirmed). */
            review?: {
                [key: string]: unknown;
            };
        };
        /**
         * @description Type of a task document. No value set is published (unconfirmed), so it is a plain string; `ACT` (an act
         *     of acceptance) is the only value seen (in the client library's example).
         * @example ACT
         */
        DocumentType: string;
        /**
         * @description `multipart/form-data` body of `uploadDocument`. The reference lists exactly these parts, so no others are
         *     accepted.
         */
        UploadDocumentRequest: {
            /**
             * @description Id of the task to attach the document to.
             * @example 7c9e6679-7425-40de-944b-e07fc1f90ae7
             */
            taskId: string;
            type: components["schemas"]["DocumentType"];
            /**
             * Format: binary
             * @description The file. Its file name (e.g. `act.pdf`) goes in the part's `Content-Disposition`; its media type in the
             *     part's `Content-Type` (which types are accepted is unconfirmed).
             */
            content: Blob;
            /**
             * @description Id of a document uploaded earlier; send it to replace that document.
             * @example 3d6f0a8e-1b2c-4d5e-8f90-a1b2c3d4e5f6
             */
            prevDocId?: string;
            /**
             * @description Extra information about the document (not sent by the client library).
             * @example Акт приёма-передачи, исправленная версия
             */
            description?: string;
            /**
             * @description Metadata of the document: a JSON object with string values, e.g. `{"contractNumber":"Д-2025/187"}`.
             *     The reference types it as an object; how it is encoded in multipart is **unconfirmed** — modelled as
             *     a part holding the JSON text (not sent by the client library).
             * @example {"contractNumber":"Д-2025/187","pages":"2"}
             */
            meta?: string;
        };
        /** @description Result of `uploadDocument` (unconfirmed, from the client library). Other fields may be added. */
        UploadDocumentResult: {
            /**
             * @description Id of the stored document.
             * @example 3d6f0a8e-1b2c-4d5e-8f90-a1b2c3d4e5f6
             */
            id: string;
        };
        /**
         * @description Empty object returned by `updateTask` and `cancelTask` on success (unconfirmed; the reference says
         *     `updateTask` returns an empty object, `cancelTask`'s body is not documented). Fields may be added, so any
         *     are accepted.
         */
        EmptyResult: {
            [key: string]: unknown;
        };
        /**
         * @description Error body of every non-`200` answer (the general T-API format). `errorDetails` is free-form (typically
         *     a message per invalid field, given for `400` and `422`). Other fields may be added.
         */
        Error: {
            /**
             * @description Id of this error occurrence (usually a UUID); quote it to support.
             * @example 5b1f9b2e-6c3d-4a7e-8f0a-1b2c3d4e5f60
             */
            errorId: string;
            /**
             * @description Human-readable message, usually in Russian.
             * @example Ошибка валидации запроса
             */
            errorMessage: string;
            /**
             * @description Machine-readable code, e.g. `VALIDATION_ERROR`, `UNAUTHORIZED`, `FORBIDDEN`, `TOO_MANY_REQUESTS`,
             *     `INTERNAL_ERROR`. The codes of the delivery methods are not published (unconfirmed), so it is a plain
             *     string.
             * @example VALIDATION_ERROR
             */
            errorCode: string;
            /** @description Free-form details, e.g. a message per invalid field (structure unconfirmed). */
            errorDetails?: {
                [key: string]: unknown;
            };
        };
    };
    responses: {
        /** @description Success; the body is an empty object (unconfirmed — see `EmptyResult`). Clients should ignore the body. */
        Empty: {
            headers: {
                "X-Request-Id": components["headers"]["X-Request-Id"];
                [name: string]: unknown;
            };
            content: {
                "application/json": components["schemas"]["EmptyResult"];
            };
        };
        /**
         * @description The request does not fit the contract (a missing field, a wrong format, a phone not matching
         *     `^\+7[0-9]{10}$`, …). `errorDetails` names the fields.
         */
        BadRequest: {
            headers: {
                "X-Request-Id": components["headers"]["X-Request-Id"];
                [name: string]: unknown;
            };
            content: {
                "application/json": components["schemas"]["Error"];
            };
        };
        /** @description The Bearer token is missing, invalid or expired. */
        Unauthorized: {
            headers: {
                "X-Request-Id": components["headers"]["X-Request-Id"];
                [name: string]: unknown;
            };
            content: {
                "application/json": components["schemas"]["Error"];
            };
        };
        /**
         * @description Access denied: the token lacks the scope of the method, the request comes from an IP the token is not bound
         *     to, or the client TLS certificate is missing or wrong.
         */
        Forbidden: {
            headers: {
                "X-Request-Id": components["headers"]["X-Request-Id"];
                [name: string]: unknown;
            };
            content: {
                "application/json": components["schemas"]["Error"];
            };
        };
        /**
         * @description The request is well-formed JSON but its data cannot be accepted: a field value is rejected (`errorDetails`
         *     names the fields) or the task's state does not allow the operation. Which of the two the API reports as
         *     `422` rather than `400`, and its error codes, are unconfirmed. The local mock also answers `422` for an
         *     unknown id and a reused `Idempotency-Key` (its choices, see "The local mock's lifecycle").
         */
        UnprocessableEntity: {
            headers: {
                "X-Request-Id": components["headers"]["X-Request-Id"];
                [name: string]: unknown;
            };
            content: {
                "application/json": components["schemas"]["Error"];
            };
        };
        /**
         * @description Rate limit exceeded (10 requests per second for `createTask` and `uploadDocument`). The request was **not**
         *     processed and can be retried safely (for `createTask`, with the same `Idempotency-Key`).
         */
        TooManyRequests: {
            headers: {
                "Retry-After": components["headers"]["Retry-After"];
                "X-Request-Id": components["headers"]["X-Request-Id"];
                [name: string]: unknown;
            };
            content: {
                "application/json": components["schemas"]["Error"];
            };
        };
        /** @description Internal error on T-Bank's side. Retry with backoff (for `createTask`, with the same `Idempotency-Key`). */
        InternalServerError: {
            headers: {
                "X-Request-Id": components["headers"]["X-Request-Id"];
                [name: string]: unknown;
            };
            content: {
                "application/json": components["schemas"]["Error"];
            };
        };
    };
    parameters: {
        /**
         * @description Task id, as returned by `createTask`.
         * @example 7c9e6679-7425-40de-944b-e07fc1f90ae7
         */
        TaskId: string;
        /**
         * @description Document id, as returned by `uploadDocument` or listed in `DeliveryTask.attachments`.
         * @example 3d6f0a8e-1b2c-4d5e-8f90-a1b2c3d4e5f6
         */
        DocumentId: string;
        /**
         * @description Idempotency key of the request, a UUID. Use a new key per logical task and the **same** key (with the same
         *     body) when retrying. Storage period and the answer to a repeated key are unconfirmed; not marked required
         *     by the reference.
         * @example 2f1e7a4c-9b3d-4e8f-a6c5-0d1b2c3e4f5a
         */
        IdempotencyKey: string;
    };
    requestBodies: never;
    headers: {
        /**
         * @description Id of the request on T-Bank's side; quote it to support. Documented as always present for other T-API
         *     methods; for delivery it is inferred (unconfirmed).
         * @example 0d2f3b6a-5c4e-4f71-9a8b-7c6d5e4f3a2b
         */
        "X-Request-Id": string;
        /**
         * @description `attachment` with the document's file name, e.g. `attachment; filename="act.pdf"` (unconfirmed: the
         *     reference shows no response headers).
         * @example attachment; filename="act.pdf"
         */
        "Content-Disposition": string;
        /**
         * @description Seconds to wait before retrying. Not documented for T-API (unconfirmed); honour it if present.
         * @example 1
         */
        "Retry-After": number;
    };
    pathItems: never;
}
export type $defs = Record<string, never>;
export interface operations {
    createTask: {
        parameters: {
            query?: never;
            header?: {
                /**
                 * @description Idempotency key of the request, a UUID. Use a new key per logical task and the **same** key (with the same
                 *     body) when retrying. Storage period and the answer to a repeated key are unconfirmed; not marked required
                 *     by the reference.
                 * @example 2f1e7a4c-9b3d-4e8f-a6c5-0d1b2c3e4f5a
                 */
                "Idempotency-Key"?: components["parameters"]["IdempotencyKey"];
            };
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["CreateTaskRequest"];
            };
        };
        responses: {
            /**
             * @description The task has been created; the body carries its id. The field name `id` comes from the client library
             *     (unconfirmed); other fields may be added.
             */
            200: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["CreateTaskResult"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            422: components["responses"]["UnprocessableEntity"];
            429: components["responses"]["TooManyRequests"];
            500: components["responses"]["InternalServerError"];
        };
    };
    getTask: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /**
                 * @description Task id, as returned by `createTask`.
                 * @example 7c9e6679-7425-40de-944b-e07fc1f90ae7
                 */
                id: components["parameters"]["TaskId"];
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Current state of the task (schema unconfirmed, taken from the client library). */
            200: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["DeliveryTask"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            422: components["responses"]["UnprocessableEntity"];
            429: components["responses"]["TooManyRequests"];
            500: components["responses"]["InternalServerError"];
        };
    };
    updateTask: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /**
                 * @description Task id, as returned by `createTask`.
                 * @example 7c9e6679-7425-40de-944b-e07fc1f90ae7
                 */
                id: components["parameters"]["TaskId"];
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["UpdateTaskRequest"];
            };
        };
        responses: {
            200: components["responses"]["Empty"];
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            422: components["responses"]["UnprocessableEntity"];
            429: components["responses"]["TooManyRequests"];
            500: components["responses"]["InternalServerError"];
        };
    };
    cancelTask: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /**
                 * @description Task id, as returned by `createTask`.
                 * @example 7c9e6679-7425-40de-944b-e07fc1f90ae7
                 */
                id: components["parameters"]["TaskId"];
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["CancelTaskRequest"];
            };
        };
        responses: {
            200: components["responses"]["Empty"];
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            422: components["responses"]["UnprocessableEntity"];
            429: components["responses"]["TooManyRequests"];
            500: components["responses"]["InternalServerError"];
        };
    };
    getIntervals: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["GetIntervalsRequest"];
            };
        };
        responses: {
            /**
             * @description Available intervals and the appointment id to book one of them (schema unconfirmed, taken from the
             *     client library).
             */
            200: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["GetIntervalsResult"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            422: components["responses"]["UnprocessableEntity"];
            429: components["responses"]["TooManyRequests"];
            500: components["responses"]["InternalServerError"];
        };
    };
    createMeeting: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["CreateMeetingRequest"];
            };
        };
        responses: {
            /** @description The meeting has been booked (body taken from the client library, unconfirmed). */
            200: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["CreateMeetingResult"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            422: components["responses"]["UnprocessableEntity"];
            429: components["responses"]["TooManyRequests"];
            500: components["responses"]["InternalServerError"];
        };
    };
    uploadDocument: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "multipart/form-data": components["schemas"]["UploadDocumentRequest"];
            };
        };
        responses: {
            /** @description The document has been stored and linked to the task (body taken from the client library, unconfirmed). */
            200: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["UploadDocumentResult"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            422: components["responses"]["UnprocessableEntity"];
            429: components["responses"]["TooManyRequests"];
            500: components["responses"]["InternalServerError"];
        };
    };
    downloadDocument: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /**
                 * @description Document id, as returned by `uploadDocument` or listed in `DeliveryTask.attachments`.
                 * @example 3d6f0a8e-1b2c-4d5e-8f90-a1b2c3d4e5f6
                 */
                id: components["parameters"]["DocumentId"];
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /**
             * @description The document's bytes. The `Content-Type` header carries the document's media type (one of those listed
             *     here; unconfirmed), `Content-Disposition` its file name (unconfirmed).
             */
            200: {
                headers: {
                    "Content-Disposition": components["headers"]["Content-Disposition"];
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/octet-stream": Blob;
                    "application/pdf": Blob;
                    "image/jpeg": Blob;
                    "image/png": Blob;
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            422: components["responses"]["UnprocessableEntity"];
            429: components["responses"]["TooManyRequests"];
            500: components["responses"]["InternalServerError"];
        };
    };
}
