// Generated from specs/fastriver.yaml by `npm run generate`. Do not edit by hand.

export interface paths {
    "/authentications": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Refresh the token
         * @description Checks the current token and returns a fresh one with a new expiry time. Call it before `expires_at`; an
         *     expired token gives `401` and requires `login` again.
         */
        get: operations["refreshToken"];
        put?: never;
        /**
         * Log in (get a temporary token)
         * @description Authenticates with login and password and returns a temporary token for the `Authorization: Bearer` header
         *     of every other call, with its expiry time. The `Authorization` header is ignored by this method.
         */
        post: operations["login"];
        /**
         * Log out
         * @description Ends the session; the token is no longer accepted. The source gives only the method — the answer's body is
         *     not documented (modelled as `200` with an optional, possibly empty document; unconfirmed).
         */
        delete: operations["logout"];
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/delivery_requests": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * List delivery requests
         * @description Returns the requests matching the filters, ordered by creation time, **20 per page** (`page`, 1-based);
         *     `meta.total` is the total number of matching requests. Each item is serialised as in `getDeliveryRequest`.
         *     Example: `GET delivery_requests?filter[status]=validated&page=2`.
         */
        get: operations["listDeliveryRequests"];
        put?: never;
        /**
         * Create a delivery request
         * @description Creates a delivery request — even with an empty body — and returns it with its `uuid`, used by every other
         *     request method. Missing or wrong data does not fail the call: the request stays `created` and the answer
         *     lists the problems in `validation_errors`. When all data is correct and the required fields are present
         *     the request becomes `validated` and Fastriver takes it into work. Set `callback_url` to receive
         *     callbacks (see `webhooks`).
         *
         *     Fields of the wrong JSON type, or fields the source does not list, are rejected with `422` by this
         *     description (the real API's behaviour for them is unconfirmed).
         */
        post: operations["createDeliveryRequest"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/delivery_requests/{uuid}": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /**
                 * @description UUID of the delivery request (its `id`), as returned by `createDeliveryRequest`.
                 * @example 0f6e0d39-1475-43c1-bd3f-681c6c9d1cf4
                 */
                uuid: components["parameters"]["DeliveryRequestUuid"];
            };
            cookie?: never;
        };
        /**
         * Get a delivery request
         * @description Returns the request and its deliveries — the current one (`active_delivery`) and the archive, if there were
         *     several attempts — in `included`: statuses, the agreed slot (when Fastriver agrees it), the client survey
         *     and scoring (`scoring`), and the meeting photos. Poll it as an alternative to callbacks.
         */
        get: operations["getDeliveryRequest"];
        put?: never;
        post?: never;
        /**
         * Cancel a delivery request
         * @description Cancels the request (e.g. the client changed their mind) — a `DELETE` **with a body** carrying the reason.
         *
         *     **When.** The seed says it three ways: "until the request is executed" (lifecycle), "until the first
         *     delivery" (this method), and "only from the statuses `new` and `created`" (the status table, `canceled`).
         *     Read together (our reading, unconfirmed): a request can be cancelled before its first delivery attempt,
         *     which in practice means while it is `new` or `created`, and possibly while `validated` with no delivery
         *     made yet; a request that is `executed` (or later) never can. The server decides: when cancelling is no
         *     longer possible the answer is `422` with the error, so send it and handle the `422` rather than guess from
         *     the status. The local mock's choice: cancellable while `created` or `validated` (whatever the delivery),
         *     `422` from any other status.
         */
        delete: operations["cancelDeliveryRequest"];
        options?: never;
        head?: never;
        /**
         * Update a delivery request
         * @description Updates the request; the body has the structure of `createDeliveryRequest` and may carry one field, several
         *     or all of them. While the request is `created` the answer is always `200` and validation runs again after
         *     the update (on success the request becomes `validated`). After that, an invalid change gives `422` with an
         *     explanation.
         *
         *     The addressee's data (name, phone, …) can be changed until the delivery is in a final status; the address
         *     and/or date up to the day before the delivery. A changed address, date or time makes Fastriver agree the
         *     delivery again (when it agrees deliveries) and re-route it; changed contact data is simply updated.
         */
        patch: operations["updateDeliveryRequest"];
        trace?: never;
    };
    "/delivery_requests/time_intervals": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Check delivery availability and slots without a request
         * @description Answers, without a request: is delivery possible at this address / these coordinates at all (if not, `422`
         *     "Адрес находится вне зоны доставки"), and on which of the next days in which slots?
         *
         *     * `v1` (`X-API-VERSION: v1`) — only the **free** slots of each date;
         *     * `v2` (`X-API-VERSION: v2`) — **every** slot with the `available` flag.
         *
         *     Send `lat` + `lon` (they take priority) or `address`. A slot's `id` goes into `time_interval_id` (or its
         *     `name` into `time_interval_name`) when creating the request. A concurrent request for the same coordinates
         *     gets `429` ("Запрос слотов по этим координатам уже в обработке").
         *
         *     The source shows the parameters as a JSON object; they are modelled as query parameters (unconfirmed).
         */
        get: operations["getTimeIntervals"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/delivery_requests/{uuid}/time_intervals": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /**
                 * @description UUID of the delivery request (its `id`), as returned by `createDeliveryRequest`.
                 * @example 0f6e0d39-1475-43c1-bd3f-681c6c9d1cf4
                 */
                uuid: components["parameters"]["DeliveryRequestUuid"];
            };
            cookie?: never;
        };
        /**
         * Get the time slots of a request
         * @description Returns the slots for the request's product, city, delivery point and date:
         *
         *     * `v1` (`X-API-VERSION: v1`) — only the **free** slots;
         *     * `v2` (`X-API-VERSION: v2`) — **every** slot of the city with the `available` flag.
         *
         *     The delivery city must be set first. Without parameters the data saved in the request is used; `date`,
         *     `lat` and `lon` check another date and/or place **without changing the request** (useful when the request
         *     is in work and the delivery agreed, so the current slot is not lost). Put the chosen slot's `id` into
         *     `time_interval_id`. An empty list (v1) means no free slot — try another date.
         *
         *     The source shows the parameters as a JSON object; they are modelled as query parameters (unconfirmed).
         */
        get: operations["getDeliveryRequestTimeIntervals"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/delivery_requests/{uuid}/confirm": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /**
                 * @description UUID of the delivery request (its `id`), as returned by `createDeliveryRequest`.
                 * @example 0f6e0d39-1475-43c1-bd3f-681c6c9d1cf4
                 */
                uuid: components["parameters"]["DeliveryRequestUuid"];
            };
            cookie?: never;
        };
        get?: never;
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        /**
         * Confirm the execution of a request
         * @description Confirms that the request was executed properly — send it once the meeting photos, the paper originals or
         *     other proof have been received; it finishes the work on the request (status `confirmed`, final). Executed
         *     requests are confirmed automatically after 7 days unless remarks were given or the execution was rejected.
         *     No body. `405` when the request is not `executed` is assumed from the general code list (unconfirmed).
         */
        patch: operations["confirmDeliveryRequest"];
        trace?: never;
    };
    "/delivery_requests/{uuid}/reject": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /**
                 * @description UUID of the delivery request (its `id`), as returned by `createDeliveryRequest`.
                 * @example 0f6e0d39-1475-43c1-bd3f-681c6c9d1cf4
                 */
                uuid: components["parameters"]["DeliveryRequestUuid"];
            };
            cookie?: never;
        };
        get?: never;
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        /**
         * Reject the execution of a request
         * @description Rejects the execution when the partner has remarks on the photos, documents or other meeting materials,
         *     with a reason code and a detailed comment on what must be fixed (status `rejected`). Fastriver fixes the
         *     issue without a new meeting when possible (back to `executed`, callback `fix`) or arranges a new meeting
         *     (back to `validated`, callback `repeat`). `405` when the request is not `executed` is assumed from the
         *     general code list (unconfirmed).
         */
        patch: operations["rejectDeliveryRequest"];
        trace?: never;
    };
    "/delivery_requests/{uuid}/call_please": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /**
                 * @description UUID of the delivery request (its `id`), as returned by `createDeliveryRequest`.
                 * @example 0f6e0d39-1475-43c1-bd3f-681c6c9d1cf4
                 */
                uuid: components["parameters"]["DeliveryRequestUuid"];
            };
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Ask Fastriver to call the client
         * @description Tells the representative (on the day of the meeting) or the operators (on other days) that the client asks
         *     to be contacted. No body. `200` on success; `405 Method Not Allowed` when the request's status does not allow
         *     it (e.g. the request is closed). The success body is not documented (unconfirmed).
         */
        post: operations["callPlease"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/delivery_requests/{uuid}/transfer_delivery": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /**
                 * @description UUID of the delivery request (its `id`), as returned by `createDeliveryRequest`.
                 * @example 0f6e0d39-1475-43c1-bd3f-681c6c9d1cf4
                 */
                uuid: components["parameters"]["DeliveryRequestUuid"];
            };
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Transfer (move) the meeting — v2
         * @description **`v2` only.** For partners whose own representatives hold the meetings in the partner's app (not in
         *     Fastriver's): when the representative moves a meeting, the partner reports it so that the result is
         *     reflected in Fastriver. `reason` is a failure reason code (see `listFailureReasons`); `next_date` and
         *     `address` are given when the representative agreed the next meeting with the client. The body is a plain
         *     object, not a JSON:API document. `405` on a request whose state forbids it is assumed (unconfirmed).
         */
        post: operations["transferDelivery"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/delivery_requests/{uuid}/complete_delivery": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /**
                 * @description UUID of the delivery request (its `id`), as returned by `createDeliveryRequest`.
                 * @example 0f6e0d39-1475-43c1-bd3f-681c6c9d1cf4
                 */
                uuid: components["parameters"]["DeliveryRequestUuid"];
            };
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Complete the meeting — v2
         * @description **`v2` only.** For partners whose own representatives hold the meetings in the partner's app: when the
         *     representative completes a meeting, the partner reports it, with the actual coordinates of the meeting, so
         *     that the result is reflected in Fastriver. The body is a plain object. `405` on a request whose state
         *     forbids it is assumed (unconfirmed).
         */
        post: operations["completeDelivery"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/delivery_requests/{uuid}/document": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /**
                 * @description UUID of the delivery request (its `id`), as returned by `createDeliveryRequest`.
                 * @example 0f6e0d39-1475-43c1-bd3f-681c6c9d1cf4
                 */
                uuid: components["parameters"]["DeliveryRequestUuid"];
            };
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Upload a printed form for the delivery
         * @description Uploads a document to print and bring to the client for signing (a contract, a consent to personal data
         *     processing, …), as `multipart/form-data` with the parts `file` (required) and `external_id`. Available for a
         *     request in status `validated` (`405` otherwise is assumed from the general code list; unconfirmed).
         *     Accepted formats: pdf, docx (jpg, png, tiff on request, in development); docx and others are converted to
         *     PDF.
         */
        post: operations["uploadDeliveryRequestDocument"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/delivery_requests/{uuid}/delivery_photos/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /**
                 * @description UUID of the delivery request (its `id`), as returned by `createDeliveryRequest`.
                 * @example 0f6e0d39-1475-43c1-bd3f-681c6c9d1cf4
                 */
                uuid: components["parameters"]["DeliveryRequestUuid"];
                /**
                 * @description Id of the photo. The method table calls it `:token`, the method's text `:photo_id`; `photos[].proxy_url`
                 *     shows a UUID (under `/delivery_photos/` without the request). Modelled as an opaque string.
                 * @example 653aef44-28d4-4c5f-ad99-7e5f4de2d616
                 */
                id: string;
            };
            cookie?: never;
        };
        /**
         * Download a meeting photo
         * @description Returns the photo's bytes. Without `version_kind` — the original; `medium` — a smaller copy compressed with
         *     minimal quality loss; `thumb` — the smallest preview. Read the body as bytes (e.g. `parseAs: 'blob'`),
         *     never as JSON; errors are JSON. The media type follows the photo (`mime_type`, e.g. `image/jpeg`); the
         *     types listed here are unconfirmed. Prism returns the example text instead of real bytes.
         */
        get: operations["getDeliveryPhoto"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/package_documents": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * List the printed forms of a request
         * @description Lists the printed forms uploaded for a request: `GET package_documents?filter[delivery_request_uuid]=<uuid>`
         *     (the filter is required).
         */
        get: operations["listPackageDocuments"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/package_documents/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /**
                 * @description Id of an uploaded printed form, as returned by `uploadDeliveryRequestDocument`.
                 * @example 191
                 */
                id: components["parameters"]["PackageDocumentId"];
            };
            cookie?: never;
        };
        /**
         * Get a printed form
         * @description Returns the information on an uploaded printed form by its id.
         */
        get: operations["getPackageDocument"];
        put?: never;
        post?: never;
        /**
         * Delete a printed form
         * @description Deletes an uploaded printed form. The source gives only the method; the answer's body is not documented
         *     (modelled as `200` with an optional, possibly empty document; unconfirmed), nor is when deleting is no longer
         *     allowed.
         */
        delete: operations["deletePackageDocument"];
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/cities": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * List delivery cities
         * @description Cities (regions) where deliveries are made for the partner; use the code as `delivery_city`. To check
         *     whether a point can be delivered to, filter by its coordinates:
         *     `GET cities?filter[lat]=60.013964&filter[lon]=30.009201` (an empty list means the point is outside every
         *     delivery area; unconfirmed).
         */
        get: operations["listCities"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/products": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * List products
         * @description Products of the partner available for delivery. Use the code as `product` when creating a request; usually
         *     the partner's own product codes/ids are used.
         */
        get: operations["listProducts"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/photo_types": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * List photo types
         * @description Types of the photos taken at a meeting (`photos[].type`), with the type's id in the partner's system
         *     (`partner_id`, string or number as in the partner's system).
         */
        get: operations["listPhotoTypes"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/cancel_reasons": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * List cancel reasons
         * @description Reasons to cancel a request; use the code as `cancel_reason_code` of `cancelDeliveryRequest`.
         */
        get: operations["listCancelReasons"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/reject_reasons": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * List reject reasons
         * @description Reasons to reject the execution of a request; use the code as `reject_reason_code` of
         *     `rejectDeliveryRequest`.
         */
        get: operations["listRejectReasons"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/failure_reasons": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * List failure (transfer) reasons
         * @description Reasons a delivery is moved (`failure_reason` of a delivery; `reason` of `transferDelivery`). Documented in
         *     the source's dictionaries but missing from its method table. Note the plural resource type `failure_reasons`.
         */
        get: operations["listFailureReasons"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/delivery_request_statuses": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * List request statuses
         * @description The statuses of a delivery request with their names (see `DeliveryRequestStatus` for the meanings).
         */
        get: operations["listDeliveryRequestStatuses"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/delivery_statuses": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * List delivery statuses
         * @description The statuses of a delivery with their names (see `DeliveryStatus` for the meanings).
         */
        get: operations["listDeliveryStatuses"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
}
export interface webhooks {
    deliveryRequestEvent: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Delivery request event (event only)
         * @description Fastriver POSTs this to the request's `callback_url` (set in `createDeliveryRequest` /
         *     `updateDeliveryRequest`; no callbacks when it is empty) when the request or delivery status changes or an
         *     event such as "could not reach the client" happens (see `CallbackEvent`). This form carries the event, the
         *     statuses, the planned/actual date, address and coordinates, and the slot in `included`.
         *
         *     Answer HTTP `200`: anything else counts as a failure, and Fastriver retries 10 more times at growing
         *     intervals. The set of events is configured per partner, as is (presumably) whether this form or the full one
         *     (`deliveryRequestEventWithRequest`) is sent. No authentication of the callback is documented.
         */
        post: operations["receiveDeliveryRequestEvent"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    deliveryRequestEventWithRequest: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Delivery request event with the request and its deliveries
         * @description Full form of the callback: the same event document as `deliveryRequestEvent`, with a `delivery_request`
         *     relationship, and the slot, the deliveries and the delivery request (serialised as in `getDeliveryRequest`)
         *     in `included`. Sent to the request's `callback_url`; answer HTTP `200`, otherwise Fastriver retries 10 more
         *     times at growing intervals. Which form a partner receives is configured per partner (unconfirmed).
         */
        post: operations["receiveDeliveryRequestEventWithRequest"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
}
export interface components {
    schemas: {
        /**
         * @description Where and when to check delivery (`getTimeIntervals`). `lat` + `lon` are required when there is no
         *     `address`, and `address` when there are no coordinates (the seed's table: "Если нет address" / "Если нет
         *     lat+lon"); the coordinates take priority when both are sent.
         */
        TimeIntervalsCheck: {
            /**
             * Format: date
             * @description First date to check (`YYYY-MM-DD`); default — the day of the request.
             * @example 2021-02-01
             */
            date?: string;
            /**
             * @description Number of days to check, including `date` (at most 7; default 1 — only `date`).
             * @default 1
             * @example 4
             */
            check_days?: number;
            /**
             * @description Latitude of the delivery point; required when there is no `address` (takes priority over it).
             * @example 55.7377144
             */
            lat?: number;
            /**
             * @description Longitude of the delivery point; required when there is no `address` (takes priority over it).
             * @example 37.82652
             */
            lon?: number;
            /**
             * @description Address of the delivery point; required when `lat` + `lon` are not given.
             * @example г. Пушкин, ул Пушкина, д 5
             */
            address?: string;
            /**
             * @description Product code; default — the product with the shortest meeting.
             * @example credit_card_visa
             */
            product?: string;
        } & ({
            /** @description Given. */
            lat: unknown;
            /** @description Given. */
            lon: unknown;
        } | {
            /** @description Given. */
            address: unknown;
        });
        /**
         * @description JSON:API resource id. JSON:API mandates strings, but the source's examples mix strings (`"2"`, UUIDs) and
         *     numbers (`2`) — often for the same resource — so both are accepted. Compare ids as strings.
         * @example 0f6e0d39-1475-43c1-bd3f-681c6c9d1cf4
         * @example 2
         */
        ResourceId: string | number;
        /** @description JSON:API resource identifier object (`{id, type}`), used in `relationships`. */
        ResourceIdentifier: {
            id: components["schemas"]["ResourceId"];
            /**
             * @description Resource type, e.g. `delivery`, `time_interval`, `delivery_request`. The source also shows
             *     `active_delivery` for the `active_delivery` relationship (the callback example uses `delivery` there).
             * @example delivery
             */
            type: string;
        };
        /** @description JSON:API to-one relationship; `data` is `null` when nothing is linked. */
        ToOneRelationship: {
            data?: components["schemas"]["ResourceIdentifier"] | null;
        };
        /** @description JSON:API to-many relationship. */
        ToManyRelationship: {
            data?: components["schemas"]["ResourceIdentifier"][];
        };
        /** @description Meta object of list documents. */
        ListMeta: {
            /**
             * @description Total number of matching items (over all pages).
             * @example 30
             */
            total: number;
        };
        /** @description Generic JSON:API resource object (`id`, `type`, `attributes`, `relationships`). */
        JsonApiResource: {
            id?: components["schemas"]["ResourceId"];
            /** @description Resource type. */
            type: string;
            /** @description Attributes of the resource. */
            attributes?: {
                [key: string]: unknown;
            };
            /** @description Relationships of the resource, by name. */
            relationships?: {
                [key: string]: components["schemas"]["ToOneRelationship"] | components["schemas"]["ToManyRelationship"];
            };
        };
        /**
         * @description Generic top-level JSON:API document as Fastriver uses it: `data` (a resource, a list or `null`), optional
         *     `included` resources, `meta` (e.g. `total` on lists) and `links` (not shown by the source). The concrete
         *     documents of this API (`DeliveryRequestDocument`, `ProductListDocument`, …) are specialisations of this
         *     shape. Used as is for answers whose body the source does not document (all members optional, `{}` allowed).
         */
        JsonApiDocument: {
            data?: components["schemas"]["JsonApiResource"] | components["schemas"]["JsonApiResource"][] | null;
            included?: components["schemas"]["JsonApiResource"][];
            /** @description Non-standard meta information, e.g. `total`. */
            meta?: {
                [key: string]: unknown;
            };
            /** @description JSON:API links (the source shows none; modelled for completeness). */
            links?: {
                [key: string]: string | null;
            };
        };
        /**
         * @description Status of a delivery request (`status`):
         *
         *     | Code | Name | Final | Meaning |
         *     |---|---|---|---|
         *     | `created` | Новая | no | Registered; data is being validated. The request is not worked on until every check passes (see `validation_errors`). |
         *     | `validated` | Создана / Корректна | no | Passed validation; the delivery is being agreed and carried out (follow `delivery_status`). |
         *     | `executed` | Исполнена | no | Delivered; photos uploaded and checked, signed documents handed to the partner. |
         *     | `rejected` | Отклонена | no | The partner did not accept the result and listed remarks (`rejectDeliveryRequest`). |
         *     | `canceled` | Отменена | yes | Canceled (`cancelDeliveryRequest`; the table says only from `new` and `created`, see that operation for the three statements reconciled). |
         *     | `confirmed` | Подтверждена | yes | The partner confirmed the result (`confirmDeliveryRequest`, or automatically after 7 days). |
         * @example validated
         * @enum {string}
         */
        DeliveryRequestStatus: "created" | "validated" | "executed" | "rejected" | "canceled" | "confirmed";
        /**
         * @description Status of a delivery (`delivery_status` of a request, `status` of a delivery):
         *
         *     | Code | Name | Final | Meaning |
         *     |---|---|---|---|
         *     | `pending` | В ожидании | no | Created, waiting to be agreed. |
         *     | `reserved` | Зарезервирована | no | A slot is reserved for 30 minutes, waiting for the client's confirmation. |
         *     | `scheduled` | Запланирована | no | Time agreed with the client; the delivery is on a representative's route. |
         *     | `failed` | Не состоялась | yes | The meeting failed (client unreachable, forgot the passport, …); a new delivery is needed. |
         *     | `canceled` | Отменена | yes | Canceled; nobody goes to the client. |
         *     | `completed` | Доставлено | yes | Done: product/documents handed over, photos taken. |
         * @example scheduled
         * @enum {string}
         */
        DeliveryStatus: "pending" | "reserved" | "scheduled" | "failed" | "canceled" | "completed";
        /**
         * @description Event that triggered a callback, with the request and delivery statuses it usually comes with:
         *
         *     | Event | Request status | Delivery status | Meaning |
         *     |---|---|---|---|
         *     | `accept_delivery` | `validated` | `pending` or `scheduled` | The request passed every validation and was accepted. |
         *     | `transfer` | `validated` | `pending` | The delivery was moved (the client asked, or could not be reached). |
         *     | `schedule` | `validated` | `scheduled` | The delivery was agreed with the client (for partners who agree deliveries themselves — only re-agreements after a transfer). |
         *     | `agent_selected` | `validated` | `scheduled` | A representative is assigned; sent on the morning of the delivery day. |
         *     | `meeting_started` | `validated` | `scheduled` | The representative arrived and started the meeting. |
         *     | `delivered` | `validated` | `completed` | Meeting held, documents signed, photographed and sent; internal check follows. |
         *     | `complete` | `executed` | `completed` | Delivery finished; photos checked for completeness and the partner's quality standard. |
         *     | `repeat` | `validated` | `pending` | Remarks on a rejected request were accepted; a new meeting is needed. |
         *     | `lose` | `validated` | `pending` | Moved on the representative's initiative (could not make it). |
         *     | `fix` | `executed` | `completed` | Remarks on a rejected request were fixed without a new meeting. |
         *     | `decline_on_meeting` | `executed` | `failed` | The client declined the product at the meeting after reading the documents. |
         *     | `wants_new_terms` | `executed` | `failed` | The client asked for other terms or another product at the meeting. |
         *     | `error_documents` | `executed` | `failed` | The printed documents contain an error; a new request is needed for a new meeting. |
         *     | `no_contact` | `validated` | `pending` | An attempt to reach the client failed (calls usually continue for three days). |
         *     | `no_contact_at_all` | `canceled` | `canceled` | Canceled because the client could not be reached for a long time. |
         *     | `decline_on_call` | `canceled` | `canceled` | The client refused on the preliminary call; there was no meeting. |
         *     | `out_of_area` | `canceled` | `canceled` | The address is outside the delivery area. |
         *     | `partner_refuse` | `canceled` | `canceled` | The partner refused the client the product; nobody went out. |
         *     | `mistake` | `canceled` | `canceled` | The request was created by mistake. |
         *     | `already_delivered` | `canceled` | `canceled` | Already delivered by someone else, or the client got the product at a branch. |
         *     | `another_person` | `canceled` | `canceled` | The person at the meeting/on the phone is not the one in the request. |
         *     | `duplicate` | `canceled` | `canceled` | Duplicates another request. |
         *     | `no_passport` | `canceled` | `canceled` | The client has no passport or refuses to show it. |
         *     | `no_registration` | `canceled` | `canceled` | The client has no registration. |
         *     | `no_photo` | `canceled` | `canceled` | The client refuses to be photographed. |
         *     | `completed` | — | — | Appears only in the source's second callback example, not in its event table (perhaps a typo for `complete`; unconfirmed). |
         * @example complete
         * @enum {string}
         */
        CallbackEvent: "accept_delivery" | "transfer" | "schedule" | "agent_selected" | "meeting_started" | "delivered" | "complete" | "repeat" | "lose" | "fix" | "decline_on_meeting" | "wants_new_terms" | "error_documents" | "no_contact" | "no_contact_at_all" | "decline_on_call" | "out_of_area" | "partner_refuse" | "mistake" | "already_delivered" | "another_person" | "duplicate" | "no_passport" | "no_registration" | "no_photo" | "completed";
        /**
         * @description Validation errors: the name of a wrong field and the list of messages about it. Empty (`{}`) when the data
         *     is valid. The checks (from the source): `last_name`, `first_name`, `patronymic` — Russian letters and hyphen;
         *     `mobile_phone` — `+7` and 10 digits; `email` — format; `birthday` — a past date; `delivery_city` and
         *     `product` — codes enabled for the partner; `address` (when the partner agrees deliveries) — parsed by
         *     DaData with unambiguous coordinates; `date` — not in the past, before the city's same-day cut-off;
         *     `time_interval_id` — a slot existing in the city for the partner; `callback_url` — starts with `https`;
         *     `inn` — valid check digits.
         * @example {
         *       "address": [
         *         "адрес за пределами зоны доставки"
         *       ],
         *       "mobile_phone": [
         *         "обязательно для заполнения"
         *       ]
         *     }
         */
        ValidationErrors: {
            [key: string]: string[];
        };
        /** @description Coordinates of a point; both are `null` while unknown. */
        Coordinates: {
            /**
             * @description Latitude.
             * @example 58.234935
             */
            lat?: number | null;
            /**
             * @description Longitude.
             * @example 35.352342
             */
            lon?: number | null;
        };
        /**
         * @description Addressee of a request as returned by the API — **obfuscated** to protect personal data (e.g.
         *     `+79260****90`, `З.`). Every field is `null` until set.
         */
        RequestDestination: {
            /**
             * @description Client's phone (masked).
             * @example +79260****90
             */
            mobile_phone?: string | null;
            /**
             * @description First name (initial).
             * @example З.
             */
            first_name?: string | null;
            /**
             * @description Last name.
             * @example Синий
             */
            last_name?: string | null;
            /**
             * @description Patronymic (initial).
             * @example Д.
             */
            patronymic?: string | null;
            /**
             * @description Email (masked).
             * @example zi*****ba@sezam.sin
             */
            email?: string | null;
            /**
             * @description Birthday, `DD.MM.YYYY` in the examples.
             * @example 10.11.1969
             */
            birthday?: string | null;
            /**
             * @description Company or sole proprietor name (delivery to a legal entity).
             * @example ООО Ромашка
             */
            company_name?: string | null;
            /**
             * @description INN of the company or sole proprietor.
             * @example 123456789012
             */
            inn?: string | null;
        };
        /**
         * @description Attributes of a delivery request. Fields missing from a fresh request are `null`. `callback`-only fields
         *     (`time`, `process_errors`, `unread_comments_count`, `zone_weight`) appear in the source's callback example
         *     but not in its field table.
         */
        DeliveryRequestAttributes: {
            /**
             * Format: uuid
             * @description UUID of the request (same as `id`).
             * @example 0f6e0d39-1475-43c1-bd3f-681c6c9d1cf4
             */
            uuid?: string;
            /**
             * @description City name per KLADR ("Название города по КЛАДР"). Listed in the seed's table of request fields, but shown
             *     in none of its request examples (the same row is in the cities dictionary, where it may belong), so it
             *     is optional here: present in answers only if the API sends it (unconfirmed).
             * @example Москва
             */
            name?: string | null;
            /**
             * @description The partner's number of the request, for reconciliation.
             * @example PS112233
             */
            external_id?: string | null;
            status?: components["schemas"]["DeliveryRequestStatus"];
            /** @description Status of the active delivery; `null` when there is none yet (unconfirmed). */
            delivery_status?: components["schemas"]["DeliveryStatus"] | null;
            destination?: components["schemas"]["RequestDestination"];
            /**
             * @description Code of the delivery city (region), see `listCities`.
             * @example moscow
             */
            delivery_city?: string | null;
            /**
             * @description Delivery address.
             * @example ул Сезам, д 75А стр 13, кв 43
             */
            address?: string | null;
            /**
             * @description Desired delivery date (`DD.MM.YYYY` in the source's example).
             * @example 20.08.2020
             */
            date?: string | null;
            /** @description Appears as `null` in the callback example only; meaning and type unconfirmed. */
            time?: unknown;
            /**
             * @description Id of the desired time slot (see the time-interval methods).
             * @example 2
             */
            time_interval_id?: number | null;
            /**
             * @description Comment of the client/partner (intercom code, how and when to find the client, extra documents to
             *     collect).
             * @example бизнес центр, звоните, выйду
             */
            notes?: string | null;
            /**
             * @description Product code, see `listProducts`.
             * @example credit_card_visa
             */
            product?: string | null;
            /**
             * Format: uri
             * @description Page where the client agrees and views the delivery; the partner may send the client there.
             * @example https://s.fastriver.ru/f92192f9-f803-474f-bd1e-2c3d3f96a749
             */
            client_coordination_url?: string | null;
            /**
             * @description Creation time, Unix seconds.
             * @example 1597448435
             */
            created_at?: number;
            /**
             * @description Last update time, Unix seconds.
             * @example 1597448435
             */
            updated_at?: number;
            /**
             * @description Cancel reason code, see `listCancelReasons`.
             * @example client_refused
             */
            cancel_reason_code?: string | null;
            /**
             * @description Cancel comment.
             * @example Клиент передумал
             */
            cancel_reason_comment?: string | null;
            /**
             * @description Reject reason code, see `listRejectReasons`.
             * @example bad_photos
             */
            reject_reason_code?: string | null;
            /**
             * @description Reject comment.
             * @example Фото паспорта бликует
             */
            reject_reason_comment?: string | null;
            /**
             * @description Test (demo) request — runs through the whole process with ~5 s per step, nobody goes out.
             * @example false
             */
            demo?: boolean;
            /**
             * @description URL that receives the callbacks of this request (see `webhooks`); no callbacks when empty.
             * @example https://example.net/callback
             */
            callback_url?: string | null;
            /**
             * @description Delivery at an exact time (ask the manager whether it is available).
             * @example false
             */
            precise?: boolean;
            /**
             * @description Id of the user (manager) who created the request.
             * @example 15
             */
            created_by_id?: number | null;
            /**
             * @description Full name of the user who created the request.
             * @example Иванов Иван
             */
            created_by_name?: string | null;
            /**
             * @description Channel through which the client was acquired.
             * @example telegram
             */
            marketing_channel?: string | null;
            coordination?: components["schemas"]["Coordinates"];
            validation_errors?: components["schemas"]["ValidationErrors"];
            /** @description Processing errors (callback example only, shown as `{}`; contents unconfirmed). */
            process_errors?: {
                [key: string]: unknown;
            };
            /**
             * @description Number of unread comments (callback example only; unconfirmed).
             * @example 0
             */
            unread_comments_count?: number;
            /** @description Shown as `null` in the callback example only; meaning and type unconfirmed. */
            zone_weight?: unknown;
            /**
             * @description Barcode of the envelope.
             * @example 4607012345678
             */
            package_barcode?: string | null;
        };
        /** @description Relationships of a delivery request. */
        DeliveryRequestRelationships: {
            active_delivery?: components["schemas"]["ToOneRelationship"];
            deliveries?: components["schemas"]["ToManyRelationship"];
            time_interval?: components["schemas"]["ToOneRelationship"];
        };
        /**
         * @description A delivery request (`type: delivery_request`) — the status of the request and of its deliveries: the current
         *     one (`active_delivery`) and the archive (`deliveries`) when there were several attempts. The deliveries and
         *     slots are in the document's `included`.
         */
        DeliveryRequest: {
            id: components["schemas"]["ResourceId"];
            /** @constant */
            type: "delivery_request";
            attributes: components["schemas"]["DeliveryRequestAttributes"];
            relationships?: components["schemas"]["DeliveryRequestRelationships"];
        };
        /**
         * @description Final data of the client for a delivery — may differ from the request (e.g. the phone changed while agreeing
         *     the meeting). Obfuscated like the request's destination. The source's table types `lat`/`lon` as strings,
         *     its examples as numbers (modelled as numbers).
         */
        DeliveryDestination: {
            /**
             * @description Client's phone (masked).
             * @example +79260****90
             */
            mobile_phone?: string | null;
            /**
             * @description First name (initial).
             * @example З.
             */
            first_name?: string | null;
            /**
             * @description Last name.
             * @example Синий
             */
            last_name?: string | null;
            /**
             * @description Patronymic (initial).
             * @example Д.
             */
            patronymic?: string | null;
            /**
             * @description Email (masked).
             * @example zi*****ba@sezam.sin
             */
            email?: string | null;
            /**
             * @description Birthday, `DD.MM.YYYY` in the examples.
             * @example 31.08.2000
             */
            birthday?: string | null;
            /**
             * @description Company name (delivery to a legal entity).
             * @example ООО Улица сезам
             */
            company_name?: string | null;
            /**
             * @description INN of the company (in the field table, not in the examples).
             * @example 123456789012
             */
            inn?: string | null;
            /**
             * @description Meeting address.
             * @example ул Сезам, д 75А стр 13, кв 43
             */
            address?: string | null;
            /**
             * @description Latitude of the meeting point.
             * @example 50.4389573
             */
            lat?: number | null;
            /**
             * @description Longitude of the meeting point.
             * @example 30.34592
             */
            lon?: number | null;
        };
        /**
         * @description A photo taken at the meeting. `url`, `medium_url` and `thumb_url` are expiring links (storage); `proxy_url`
         *     downloads through the API instead (see `getDeliveryPhoto`).
         */
        DeliveryPhoto: {
            /**
             * @description Photo type code, see `listPhotoTypes`.
             * @example passport_main
             */
            type?: string;
            /**
             * Format: uri
             * @description Full-size photo (5–10 MB), expiring link.
             * @example https://expiring.url
             */
            url?: string;
            /**
             * Format: uri
             * @description Compressed with minimal quality loss (0.5–1 MB), expiring link.
             * @example https://expiring.url
             */
            medium_url?: string;
            /**
             * Format: uri
             * @description Strongly compressed preview (~0.1 MB), expiring link.
             * @example https://expiring.url
             */
            thumb_url?: string;
            /**
             * Format: uri
             * @description Download of the original through the API rather than from storage. The example is
             *     `…/api/partner/delivery_photos/<uuid>`, a path not in the method table (see `getDeliveryPhoto`).
             * @example https://api.fastriver.ru/api/partner/delivery_photos/653aef44-28d4-4c5f-ad99-7e5f4de2d616
             */
            proxy_url?: string;
            /**
             * @description The photo type's id in the partner's system (number or string).
             * @example 2
             */
            partner_type?: string | number;
            /**
             * @description Signature (hash) of the photo.
             * @example ae637d8653220c50cf01c823b73581899c7a72ad
             */
            signature?: string;
            /**
             * @description IP address of the representative's device that uploaded the photo.
             * @example 74.34.54.23
             */
            ip?: string;
            /**
             * @description File extension.
             * @example jpg
             */
            ext?: string;
            /**
             * @description MIME type of the photo.
             * @example image/jpeg
             */
            mime_type?: string;
            /**
             * @description Upload time, Unix seconds.
             * @example 1598889130
             */
            uploaded_at?: number;
        };
        /** @description The representative who held (or will hold) the meeting. */
        AgentInfo: {
            /**
             * @description Id of the representative in Fastriver.
             * @example 125
             */
            id?: number;
            /**
             * @description INN, when it is used as the representative's id.
             * @example 72309420984
             */
            inn?: string | null;
            /**
             * @description Id of the representative in the partner's system.
             * @example A123
             */
            external_id?: string | null;
            /**
             * @description Full name of the representative.
             * @example Иванов Виктор Петрович
             */
            name?: string;
            /**
             * @description Fastriver's phone for questions about the delivery in the delivery city.
             * @example +74951183957
             */
            mobile_phone?: string;
        };
        /**
         * @description Attributes of a delivery (one attempt to meet the client). `cost`, `begins_at`, `repeat` and `agent` appear
         *     only in the callback example.
         */
        DeliveryAttributes: {
            /**
             * Format: uuid
             * @description UUID of the delivery (in the field table; the examples carry it only as `id`).
             * @example f92192f9-f803-474f-bd1e-2c3d3f96a749
             */
            uuid?: string;
            status?: components["schemas"]["DeliveryStatus"];
            /**
             * @description Planned / actual delivery date (`DD.MM.YYYY` or `YYYY-MM-DD` in the examples).
             * @example 21.08.2020
             */
            date?: string | null;
            /**
             * @description The request's comment, extended by Fastriver's operators.
             * @example Molestiae dolores voluptatem ut.
             */
            notes?: string | null;
            /**
             * @description Answers to the post-meeting questionnaire and assessment of the client; the questions are configured per
             *     partner (e.g. `drunk`, `3rd_party`, `comment`). `{}` when there are none.
             * @example {
             *       "drunk": false,
             *       "3rd_party": false,
             *       "comment": "Приятный человек"
             *     }
             */
            scoring?: {
                [key: string]: unknown;
            };
            destination?: components["schemas"]["DeliveryDestination"];
            /** @description Photos taken at the meeting. */
            photos?: components["schemas"]["DeliveryPhoto"][];
            /**
             * @description Link to an archive of the photos signed with an electronic signature.
             * @example https://expiring.url/signed.zip
             */
            signed_photos?: string | null;
            /** @description Shown as `null` in the callback example only; contents unconfirmed. */
            agent?: unknown;
            /** @description The representative; `null` while none is assigned. */
            agent_info?: components["schemas"]["AgentInfo"] | null;
            /**
             * @description Code of the delivery city.
             * @example moscow
             */
            city?: string | null;
            /**
             * @description Creation time, Unix seconds.
             * @example 1598889130
             */
            created_at?: number;
            /**
             * @description Last update time, Unix seconds.
             * @example 1598889130
             */
            updated_at?: number;
            /**
             * @description Time the photos were uploaded and the delivery completed, Unix seconds.
             * @example 1598889130
             */
            completed_at?: number | null;
            /**
             * @description Code of the reason the delivery was moved (see `listFailureReasons`); set for status `failed`.
             * @example transfer_before_meeting
             */
            failure_reason?: string | null;
            /**
             * @description Representative's comment on the move; set for status `failed`.
             * @example Клиент сегодня не может, завтра встреча по другому адресу
             */
            failure_comment?: string | null;
            /**
             * @description Test delivery.
             * @example false
             */
            demo?: boolean;
            /**
             * @description Actual meeting duration in seconds; set for status `completed`.
             * @example 135
             */
            service_time_fact?: number | null;
            /**
             * @description Planned / actual time slot (depending on the status).
             * @example 3
             */
            time_interval_id?: number | null;
            /**
             * @description Whether the delivery is paid for: every successful meeting and every move not caused by Fastriver (e.g.
             *     errors in the partner's printed documents).
             * @example false
             */
            payable?: boolean;
            /**
             * @description Cost of the delivery (callback example only; unit unconfirmed).
             * @example 0
             */
            cost?: number;
            /**
             * @description Planned start, apparently minutes from midnight (callback example only; unconfirmed).
             * @example 1022
             */
            begins_at?: number | null;
            /**
             * @description Whether this is a repeated delivery (callback example only; unconfirmed).
             * @example true
             */
            repeat?: boolean;
            /**
             * @description Actual latitude of the meeting (representative's GPS at completion); set for `completed`.
             * @example 30.34592
             */
            fact_lat?: number | null;
            /**
             * @description Actual longitude of the meeting; set for `completed`.
             * @example 50.4389573
             */
            fact_lon?: number | null;
            /**
             * @description Actual meeting address by GPS; may differ from the planned one.
             * @example Адрес, который может отличаться от планового
             */
            fact_address?: string | null;
        };
        /** @description A delivery (`type: delivery`) — one attempt to meet the client for a request. */
        Delivery: {
            id: components["schemas"]["ResourceId"];
            /** @constant */
            type: "delivery";
            attributes: components["schemas"]["DeliveryAttributes"];
            /** @description Relationships of a delivery. */
            relationships?: {
                time_interval?: components["schemas"]["ToOneRelationship"];
            };
        };
        /** @description A delivery time slot. */
        TimeIntervalAttributes: {
            /**
             * @description Slot id; use it as `time_interval_id`.
             * @example 2
             */
            id?: number;
            /**
             * @description Start, minutes from midnight (600 = 10:00).
             * @example 720
             */
            from?: number;
            /**
             * @description End, minutes from midnight (720 = 12:00).
             * @example 840
             */
            to?: number;
            /**
             * @description Slot code (Latin).
             * @example afternoon
             */
            code?: string;
            /**
             * @description Slot name, `HH:MM-HH:MM`; may be used as `time_interval_name`.
             * @example 12:00-14:00
             */
            name?: string;
            /** @description Availability flag (only in `v2` answers). */
            available?: boolean;
        };
        /** @description A time slot resource (`type: time_interval`) as it appears in `included`. */
        TimeInterval: {
            id: components["schemas"]["ResourceId"];
            /** @constant */
            type: "time_interval";
            attributes: components["schemas"]["TimeIntervalAttributes"];
        };
        /** @description A resource in `included`, told apart by `type`. */
        IncludedResource: components["schemas"]["Delivery"] | components["schemas"]["TimeInterval"] | components["schemas"]["DeliveryRequest"];
        /** @description A free slot in a `v1` answer. Closed (no `available`), so that v1 and v2 answers can be told apart. */
        TimeIntervalV1Attributes: {
            /**
             * @description Slot id; use it as `time_interval_id`.
             * @example 1
             */
            id: number;
            /**
             * @description Start, minutes from midnight (600 = 10:00).
             * @example 600
             */
            from: number;
            /**
             * @description End, minutes from midnight (720 = 12:00).
             * @example 720
             */
            to: number;
            /**
             * @description Slot code (Latin).
             * @example morning
             */
            code: string;
            /**
             * @description Slot name, `HH:MM-HH:MM`; may be used as `time_interval_name`.
             * @example 10:00-12:00
             */
            name: string;
        };
        /** @description A slot in a `v2` answer, with the required `available` flag. Closed like the v1 form. */
        TimeIntervalV2Attributes: {
            /**
             * @description Slot id; use it as `time_interval_id` (only when `available`).
             * @example 1
             */
            id: number;
            /**
             * @description Start, minutes from midnight (600 = 10:00).
             * @example 600
             */
            from: number;
            /**
             * @description End, minutes from midnight (720 = 12:00).
             * @example 720
             */
            to: number;
            /**
             * @description Slot code (Latin).
             * @example morning
             */
            code: string;
            /**
             * @description Slot name, `HH:MM-HH:MM`.
             * @example 10:00-12:00
             */
            name: string;
            /**
             * @description Whether the slot can still be booked.
             * @example true
             */
            available: boolean;
        };
        /** @description A free slot of a request (`v1`). */
        TimeIntervalV1: {
            id: components["schemas"]["ResourceId"];
            /** @constant */
            type: "time_interval";
            attributes: components["schemas"]["TimeIntervalV1Attributes"];
        };
        /** @description A slot of a request with the availability flag (`v2`). */
        TimeIntervalV2: {
            id: components["schemas"]["ResourceId"];
            /** @constant */
            type: "time_interval";
            attributes: components["schemas"]["TimeIntervalV2Attributes"];
        };
        /**
         * @description `v1` answer of `getDeliveryRequestTimeIntervals`: only the free slots. An empty list means no free slot on
         *     that date — try another date.
         */
        TimeIntervalsV1Document: {
            data: components["schemas"]["TimeIntervalV1"][];
        };
        /**
         * @description `v2` answer of `getDeliveryRequestTimeIntervals`: every slot of the city with `available`. Modelled as never
         *     empty (the city always has slots; unconfirmed), which also keeps an empty list unambiguous (it is v1).
         */
        TimeIntervalsV2Document: {
            data: components["schemas"]["TimeIntervalV2"][];
        };
        /** @description Slots of a request; `v1` or `v2` shape depending on `X-API-VERSION`. */
        TimeIntervalsDocument: components["schemas"]["TimeIntervalsV1Document"] | components["schemas"]["TimeIntervalsV2Document"];
        /** @description A date with its free slots (`v1`). `id` is the date. */
        DeliveryDateV1: {
            /**
             * @description The date, `YYYY-MM-DD`.
             * @example 2021-02-01
             */
            id: string;
            /** @constant */
            type: "delivery_date";
            attributes: {
                /**
                 * Format: date
                 * @description Possible delivery date.
                 * @example 2021-02-01
                 */
                date: string;
                /** @description Free slots on that date (may be empty). */
                time_intervals: components["schemas"]["TimeIntervalV1Attributes"][];
            };
        };
        /** @description A date with every slot and its availability (`v2`). `id` is the date. */
        DeliveryDateV2: {
            /**
             * @description The date, `YYYY-MM-DD`.
             * @example 2021-02-01
             */
            id: string;
            /** @constant */
            type: "delivery_date";
            attributes: {
                /**
                 * Format: date
                 * @description Possible delivery date.
                 * @example 2021-02-01
                 */
                date: string;
                /** @description Every slot of the city on that date with `available` (never empty; unconfirmed). */
                time_intervals: components["schemas"]["TimeIntervalV2Attributes"][];
            };
        };
        /** @description `v1` answer of `getTimeIntervals`: the checked dates with their free slots. */
        DeliveryDatesV1Document: {
            data: components["schemas"]["DeliveryDateV1"][];
        };
        /** @description `v2` answer of `getTimeIntervals`: the checked dates with every slot and `available`. */
        DeliveryDatesV2Document: {
            data: components["schemas"]["DeliveryDateV2"][];
        };
        /** @description Dates and slots without a request; `v1` or `v2` shape depending on `X-API-VERSION`. */
        DeliveryDatesDocument: components["schemas"]["DeliveryDatesV1Document"] | components["schemas"]["DeliveryDatesV2Document"];
        /**
         * @description A delivery request with its deliveries and slots in `included` — the answer of `getDeliveryRequest` and of
         *     every operation that returns "the same as `GET delivery_requests/:uuid`".
         */
        DeliveryRequestDocument: {
            data: components["schemas"]["DeliveryRequest"];
            /** @description Deliveries (current and archived) and time slots referenced by `relationships`. */
            included?: components["schemas"]["IncludedResource"][];
        };
        /**
         * @description A page of delivery requests (20 per page, oldest first). Each item is serialised as in
         *     `getDeliveryRequest`; whether `included` is sent for lists is unconfirmed.
         */
        DeliveryRequestListDocument: {
            data: components["schemas"]["DeliveryRequest"][];
            included?: components["schemas"]["IncludedResource"][];
            meta: components["schemas"]["ListMeta"];
        };
        /** @description Attributes of an uploaded printed form. */
        PackageDocumentAttributes: {
            /**
             * @description Document id.
             * @example 191
             */
            id?: number;
            /**
             * Format: uri
             * @description PDF version for download (docx and other types are converted to PDF for uniform printing).
             * @example https://example.net/1.pdf
             */
            url?: string;
            /**
             * Format: uri
             * @description JPG preview.
             * @example https://example.net/1.png
             */
            thumb_url?: string;
            /**
             * Format: uri
             * @description The original file as uploaded (in the field table, not in the examples).
             * @example https://example.net/1.docx
             */
            original_url?: string;
            /**
             * @description Creation time, Unix seconds.
             * @example 1606996120
             */
            created_at?: number;
            /**
             * @description Update time, Unix seconds.
             * @example 1606996120
             */
            updated_at?: number;
        };
        /** @description An uploaded printed form (`type: document`). */
        PackageDocument: {
            id: components["schemas"]["ResourceId"];
            /** @constant */
            type: "document";
            attributes: components["schemas"]["PackageDocumentAttributes"];
        };
        /** @description A single printed form. */
        PackageDocumentDocument: {
            data: components["schemas"]["PackageDocument"];
        };
        /** @description The printed forms of a request. */
        PackageDocumentListDocument: {
            data: components["schemas"]["PackageDocument"][];
            meta: components["schemas"]["ListMeta"];
        };
        /** @description Attributes of a simple dictionary entry. */
        NameAttributes: {
            /**
             * @description Human-readable name (Russian).
             * @example Другое
             */
            name: string;
        };
        /** @description A product the partner can have delivered (`type: product`). `id` is the product code. */
        Product: {
            /**
             * @description Product code (usually the partner's own code/id).
             * @example credit_card_visa
             */
            id: string;
            /** @constant */
            type: "product";
            attributes: {
                /**
                 * @description Short name.
                 * @example Кредитка VISA
                 */
                name?: string;
                /**
                 * @description Product code; use it as `product`.
                 * @example credit_card_visa
                 */
                code?: string;
                /**
                 * @description Description.
                 * @example Кредитка VISA для резидентов РФ
                 */
                description?: string | null;
            };
        };
        /** @description Products available to the partner. */
        ProductListDocument: {
            data: components["schemas"]["Product"][];
            meta: components["schemas"]["ListMeta"];
        };
        /** @description A delivery city (`type: city`). `id` is the city code. */
        City: {
            /**
             * @description City code; use it as `delivery_city`.
             * @example moscow
             */
            id: string;
            /** @constant */
            type: "city";
            attributes: components["schemas"]["NameAttributes"];
        };
        /** @description Delivery cities of the partner (optionally those covering a point). */
        CityListDocument: {
            data: components["schemas"]["City"][];
            meta: components["schemas"]["ListMeta"];
        };
        /** @description A type of meeting photo (`type: photo_type`). `id` is the type code. */
        PhotoType: {
            /**
             * @description Photo type code (as in `photos[].type`).
             * @example pasp_main
             */
            id: string;
            /** @constant */
            type: "photo_type";
            attributes: {
                /**
                 * @description Photo type code (in the field table, not in the example).
                 * @example pasp_main
                 */
                code?: string;
                /**
                 * @description Name.
                 * @example Главный разворот паспорта
                 */
                name?: string;
                /**
                 * @description The type's id in the partner's system; its type follows the partner's system.
                 * @example 2
                 */
                partner_id?: string | number | null;
            };
        };
        /** @description Types of meeting photos. */
        PhotoTypeListDocument: {
            data: components["schemas"]["PhotoType"][];
            meta: components["schemas"]["ListMeta"];
        };
        /** @description A reason to cancel a request (`type: cancel_reason`). `id` is the code for `cancel_reason_code`. */
        CancelReason: {
            /**
             * @description Reason code.
             * @example client_refused
             */
            id: string;
            /** @constant */
            type: "cancel_reason";
            attributes: components["schemas"]["NameAttributes"];
        };
        /** @description Cancel reasons. */
        CancelReasonListDocument: {
            data: components["schemas"]["CancelReason"][];
            meta: components["schemas"]["ListMeta"];
        };
        /** @description A reason to reject the result of a request (`type: reject_reason`). `id` is the code for `reject_reason_code`. */
        RejectReason: {
            /**
             * @description Reason code.
             * @example bad_photos
             */
            id: string;
            /** @constant */
            type: "reject_reason";
            attributes: components["schemas"]["NameAttributes"];
        };
        /** @description Reject reasons. */
        RejectReasonListDocument: {
            data: components["schemas"]["RejectReason"][];
            meta: components["schemas"]["ListMeta"];
        };
        /**
         * @description A reason a delivery was moved (`failure_reason` of a delivery, `reason` of `transferDelivery`). The source
         *     shows the type as the plural `failure_reasons`, unlike the other dictionaries.
         */
        FailureReason: {
            /**
             * @description Reason code.
             * @example forgot_documents
             */
            id: string;
            /** @constant */
            type: "failure_reasons";
            attributes: {
                /**
                 * @description Reason code.
                 * @example forgot_documents
                 */
                code?: string;
                /**
                 * @description Name.
                 * @example Забыл документы на встречу
                 */
                name?: string;
            };
        };
        /** @description Reasons a delivery is moved. */
        FailureReasonListDocument: {
            data: components["schemas"]["FailureReason"][];
            meta: components["schemas"]["ListMeta"];
        };
        /** @description A request status (`type: delivery_request_status`); `id` is the status code. */
        DeliveryRequestStatusEntry: {
            id: components["schemas"]["DeliveryRequestStatus"];
            /** @constant */
            type: "delivery_request_status";
            attributes: components["schemas"]["NameAttributes"];
        };
        /** @description Request statuses. */
        DeliveryRequestStatusListDocument: {
            data: components["schemas"]["DeliveryRequestStatusEntry"][];
            meta: components["schemas"]["ListMeta"];
        };
        /** @description A delivery status (`type: delivery_status`); `id` is the status code. */
        DeliveryStatusEntry: {
            id: components["schemas"]["DeliveryStatus"];
            /** @constant */
            type: "delivery_status";
            attributes: components["schemas"]["NameAttributes"];
        };
        /** @description Delivery statuses. */
        DeliveryStatusListDocument: {
            data: components["schemas"]["DeliveryStatusEntry"][];
            meta: components["schemas"]["ListMeta"];
        };
        /** @description Body of `login`. */
        LoginRequest: {
            /**
             * @description User login.
             * @example bot@company.com
             */
            login: string;
            /**
             * Format: password
             * @description User password.
             * @example UKAtyyfGQBGTRb29fQFmDtgSdwS5eL4J
             */
            password: string;
        };
        /** @description A temporary token (answer of `login` and `refreshToken`). */
        AuthToken: {
            /**
             * @description Token for `Authorization: Bearer <token>`.
             * @example eyJhbGciOiJIUzI1NiJ9.eyJ1c2VyX2lkIjozNH0.5OIVKRc4DE-oaArv8GCq6HNotA3G5qqag3cehym9AuY
             */
            token: string;
            /**
             * @description When the token expires, Unix seconds.
             * @example 1597448435
             */
            expires_at: number;
        };
        /**
         * @description An identity document of the client for verification ("TBD" in the source). Only the Russian passport
         *     (`rf_passport`) is known so far.
         */
        ClientDocument: {
            /**
             * @description Document type; only `rf_passport` is known.
             * @example rf_passport
             */
            type?: string;
            /**
             * @description Series.
             * @example 4515
             */
            series?: string;
            /**
             * @description Number.
             * @example 123456
             */
            number?: string;
            /**
             * @description Date of issue (`DD.MM.YYYY` in the example).
             * @example 20.01.2019
             */
            issued_at?: string;
            /**
             * @description Valid until, where applicable (e.g. a foreign passport).
             * @example 20.01.2029
             */
            valid_to?: string;
            /**
             * @description Issued by.
             * @example ОВД Москвы
             */
            issuer?: string;
            /**
             * @description Code of the issuing department (field name spelt so in the source).
             * @example 123-321
             */
            issuer_departner?: string;
            /**
             * @description Registration address.
             * @example Воробьёвы горы, влд. 1
             */
            registration_address?: string;
        };
        /**
         * @description Attributes sent to `createDeliveryRequest` and `updateDeliveryRequest`. Nothing is required **by the
         *     schema**: missing or wrong data does not reject the call but shows up in `validation_errors` while the
         *     request is `created` (see `ValidationErrors` for the checks). Required for validation: `mobile_phone`,
         *     `first_name`, `last_name`, `delivery_city`, `product`; `address`, `date` and `time_interval_id` (or
         *     `time_interval_name`) when the partner agrees deliveries itself; `company_name` and `inn` for legal
         *     entities; `patronymic`, `email`, `external_id` when they exist. An update may send any subset of fields.
         */
        DeliveryRequestInput: {
            /**
             * @description Client's mobile phone, `+7` and 10 digits.
             * @example +79261234567
             */
            mobile_phone?: string;
            /**
             * @description Additional phones of the client.
             * @example [
             *       "+79267654321",
             *       "+79263334444"
             *     ]
             */
            additional_phones?: string[];
            /**
             * @description First name (Russian letters and hyphen).
             * @example Зилибоба
             */
            first_name?: string;
            /**
             * @description Last name (Russian letters and hyphen; `Неизвестно` when unknown).
             * @example Синий
             */
            last_name?: string;
            /**
             * @description Patronymic, required when the client has one.
             * @example null
             */
            patronymic?: string | null;
            /**
             * @description Extra channel for notifications about the delivery and the agreement of the meeting.
             * @example ziliboba@sezam.sin
             */
            email?: string;
            /**
             * @description Company name (required for a legal entity).
             * @example ООО Ракета
             */
            company_name?: string;
            /**
             * @description INN of the company (required for a legal entity; check digits are validated).
             * @example 7707083893
             */
            inn?: string;
            /**
             * @description Birthday, a past date (`DD.MM.YYYY` in the example); helps to verify the client.
             * @example 10.11.1969
             */
            birthday?: string;
            /** @description Identity documents of the client (TBD in the source). */
            documents?: components["schemas"]["ClientDocument"][];
            /**
             * @description City by Fastriver's dictionary, code or name (`moscow` or `Москва`), see `listCities`. Fastriver can fill
             *     it from the address coordinates; it stays empty when there is no address or it is outside the area.
             * @example Москва
             */
            delivery_city?: string;
            /**
             * @description Delivery address (required when the partner agrees deliveries itself).
             * @example ул Сезам, д 75А стр 13, кв 43
             */
            address?: string;
            /**
             * @description Delivery date, when already agreed (`DD.MM.YYYY` in the example); not in the past. Affects the price.
             * @example 20.08.2020
             */
            date?: string;
            /**
             * @description Desired slot id (see the time-interval methods).
             * @example 2
             */
            time_interval_id?: number;
            /**
             * @description Desired slot name, `HH:MM-HH:MM`, instead of `time_interval_id`.
             * @example 10:00-12:00
             */
            time_interval_name?: string;
            /**
             * @description Delivery at an exact time (ask the manager); affects the price. `false` when omitted (no `default`
             *     keyword, so that the generated input type keeps it optional).
             * @example true
             */
            precise?: boolean;
            /**
             * @description Comment of the client/partner.
             * @example бизнес центр, звоните, выйду
             */
            notes?: string;
            /**
             * @description Product code, see `listProducts`; affects the price.
             * @example credit_card_visa
             */
            product?: string;
            /**
             * Format: uri
             * @description URL for the callbacks of this request (must start with `https`), see `webhooks`.
             * @example https://api.nekoe_api/url
             */
            callback_url?: string;
            /**
             * @description The partner's number of the request (strongly recommended).
             * @example PS112233
             */
            external_id?: string;
            /**
             * @description Test request for API debugging (the process runs with ~5 s per step). `false` when omitted (no
             *     `default` keyword, so that the generated input type keeps it optional).
             * @example true
             */
            demo?: boolean;
            /**
             * @description Channel through which the client was acquired.
             * @example telegram
             */
            marketing_channel?: string;
            /**
             * @description For partners who run deliveries entirely in their own software: the representative's id in the partner's
             *     system, to sync the request data into Fastriver.
             * @example A234274
             */
            external_agent_id?: string;
        };
        /**
         * @description Body of `createDeliveryRequest` and `updateDeliveryRequest`. The source sends no `type`; JSON:API's
         *     `delivery_request` is accepted.
         */
        DeliveryRequestInputDocument: {
            data: {
                /** @constant */
                type?: "delivery_request";
                attributes?: components["schemas"]["DeliveryRequestInput"];
            };
        };
        /** @description Body of `cancelDeliveryRequest` (a `DELETE` with a body). */
        CancelDeliveryRequestDocument: {
            data: {
                /** @constant */
                type?: "delivery_request";
                attributes: {
                    /**
                     * @description Cancel reason code, see `listCancelReasons`.
                     * @example client_refused
                     */
                    cancel_reason_code: string;
                    /**
                     * @description Comment, if something needs explaining.
                     * @example Клиент передумал
                     */
                    cancel_reason_comment?: string;
                };
            };
        };
        /** @description Body of `rejectDeliveryRequest`. */
        RejectDeliveryRequestDocument: {
            data: {
                /** @constant */
                type?: "delivery_request";
                attributes: {
                    /**
                     * @description Reject reason code, see `listRejectReasons`.
                     * @example bad_printed_documents
                     */
                    reject_reason_code: string;
                    /**
                     * @description As detailed as possible — what has to be fixed.
                     * @example На странице 12 основной Оферты неразборчиво написана фамилия клиента
                     */
                    reject_reason_comment: string;
                };
            };
        };
        /** @description Body of `transferDelivery` (a plain object, not a JSON:API document, as in the source). */
        TransferDeliveryRequest: {
            /**
             * @description Code of the reason the delivery is moved (see `listFailureReasons`).
             * @example transfer_before_meeting
             */
            reason: string;
            /**
             * @description The representative's comment; helps to agree the next meeting.
             * @example Уехал в отпуск до сентября
             */
            comment?: string;
            /**
             * Format: date
             * @description Date of the next meeting, when the representative agreed it with the client.
             * @example 2022-09-01
             */
            next_date?: string;
            /**
             * @description Address of the next meeting, when agreed with the client.
             * @example Бульвар Капуцинов, д 10
             */
            address?: string;
        };
        /** @description Body of `completeDelivery` (a plain object, as in the source). */
        CompleteDeliveryRequest: {
            /**
             * @description Latitude of the actual meeting place.
             * @example 33.333
             */
            lat?: number;
            /**
             * @description Longitude of the actual meeting place.
             * @example 55.555
             */
            lon?: number;
        };
        /** @description `multipart/form-data` body of `uploadDeliveryRequestDocument`. */
        UploadDocumentRequest: {
            /**
             * Format: binary
             * @description The file — pdf or docx (jpg, png, tiff on request, in development).
             */
            file: Blob;
            /**
             * @description The partner's number of the document (required when it exists).
             * @example PS112233
             */
            external_id?: string;
        };
        /** @description Error body: `{"error": "<explanation>"}`. */
        Error: {
            /**
             * @description Explanation of the error (Russian).
             * @example Ресурс не найден
             */
            error: string;
        };
        /**
         * @description Body of a `422`: the `error` text and, for invalid request data, `validation_errors` (field → messages; its
         *     presence in error bodies is unconfirmed).
         */
        ValidationError: {
            /**
             * @description Explanation of the error (Russian).
             * @example Адрес находится вне зоны доставки
             */
            error: string;
            validation_errors?: components["schemas"]["ValidationErrors"];
        };
        /** @description Filters of `listDeliveryRequests` (`filter[name]=value`). The source lists exactly these. */
        DeliveryRequestFilter: {
            /**
             * @description Delivery city, code or name (`moscow` or `Москва`); default — every city.
             * @example moscow
             */
            city?: string;
            /**
             * Format: date
             * @description Planned/actual delivery date from (inclusive).
             * @example 2022-01-01
             */
            date_gte?: string;
            /**
             * Format: date
             * @description Planned/actual delivery date to (inclusive).
             * @example 2022-04-01
             */
            date_lte?: string;
            /**
             * Format: date
             * @description Date given in the original request, from (inclusive).
             * @example 2022-01-01
             */
            request_date_gte?: string;
            /**
             * Format: date
             * @description Date given in the original request, to (inclusive).
             * @example 2022-04-01
             */
            request_date_lte?: string;
            /**
             * @description The partner's request number.
             * @example R123456
             */
            external_id?: string;
            status?: components["schemas"]["DeliveryRequestStatus"];
            delivery_status?: components["schemas"]["DeliveryStatus"];
            /**
             * @description Demo (test) requests (`true`) or real ones (`false`). The source's type column reads "Boolean false",
             *     taken as the default: `false` when omitted (unconfirmed). No `default` keyword here, so that the
             *     generated type keeps the filter optional.
             * @example false
             */
            demo?: boolean;
            /**
             * @description Last name of a person, or company name / INN of a legal entity.
             * @example Иванов
             */
            addressee?: string;
            /**
             * @description Product code.
             * @example credit_card_visa
             */
            product_id?: string;
            /**
             * @description Id of the manager who created the request.
             * @example 123
             */
            created_by_id?: number;
        };
        /** @description Attributes of a callback event. */
        ExternalCallbackAttributes: {
            /**
             * @description The event: one of `CallbackEvent` (the seed's table), or another name. The set of events sent is
             *     configured per partner and the seed's own example sends one its table lacks, so any non-empty name is
             *     accepted; a receiver should answer `200` to events it does not know (otherwise Fastriver retries).
             */
            event: components["schemas"]["CallbackEvent"] | string;
            /**
             * @description The partner's number of the request, if set.
             * @example 1-WF43GREWK
             */
            external_id?: string | null;
            /**
             * @description Comment to the event, e.g. details on why the delivery was canceled or moved.
             * @example Доставили
             */
            comment?: string | null;
            /**
             * @description Time of the event, Unix seconds.
             * @example 1623265246
             */
            created_at?: number;
            delivery_request_status?: components["schemas"]["DeliveryRequestStatus"];
            /** @description Status of the delivery; `null` when there is none (unconfirmed). */
            delivery_status?: components["schemas"]["DeliveryStatus"] | null;
            /**
             * @description Planned / actual delivery date, `YYYY-MM-DD` (changes when the delivery is re-agreed).
             * @example 2022-07-12
             */
            date?: string | null;
            /**
             * @description Planned / actual delivery address (changes when the delivery is re-agreed).
             * @example г Москва, ул Вятская, д 27 стр 1
             */
            address?: string | null;
            coords?: components["schemas"]["Coordinates"];
        };
        /**
         * @description A callback event (`type: external_callback`). Its `id` is the **UUID of the delivery request** the event is
         *     about: the seed's field table says so ("UUID заявки на доставку"), and its second example agrees (`data.id`
         *     equals the `delivery_request` relationship's id); the first example shows no request to compare with. The
         *     client's parser gives it as `delivery_request_uuid`.
         */
        ExternalCallback: {
            id: components["schemas"]["ResourceId"];
            /** @constant */
            type: "external_callback";
            attributes: components["schemas"]["ExternalCallbackAttributes"];
            /** @description The slot of the delivery (in `included`) and, in the full form, the request. */
            relationships?: {
                time_interval?: components["schemas"]["ToOneRelationship"];
                delivery_request?: components["schemas"]["ToOneRelationship"];
            };
        };
        /** @description Callback body, event-only form: the event and its time slot in `included`. */
        CallbackEventPayload: {
            data: components["schemas"]["ExternalCallback"];
            /** @description The time slot of the delivery. */
            included?: components["schemas"]["TimeInterval"][];
        };
        /**
         * @description Callback body, full form: the event, with the time slot, the delivery request and its deliveries in
         *     `included` (serialised as in `getDeliveryRequest`).
         */
        CallbackEventWithRequestPayload: {
            data: components["schemas"]["ExternalCallback"];
            /** @description Time slot, deliveries and the delivery request. */
            included?: components["schemas"]["IncludedResource"][];
        };
    };
    responses: {
        /**
         * @description Success. The source documents only the status (`200`), not a body; modelled as an optional JSON:API document,
         *     possibly empty (unconfirmed). Clients should ignore the body.
         */
        Ok: {
            headers: {
                [name: string]: unknown;
            };
            content: {
                "application/json": components["schemas"]["JsonApiDocument"];
            };
        };
        /** @description Authentication error — the token is missing, wrong or expired (for `login`, wrong credentials). */
        Unauthorized: {
            headers: {
                [name: string]: unknown;
            };
            content: {
                "application/json": components["schemas"]["Error"];
            };
        };
        /** @description Authorization error — the resource is not available to this user. */
        Forbidden: {
            headers: {
                [name: string]: unknown;
            };
            content: {
                "application/json": components["schemas"]["Error"];
            };
        };
        /** @description The resource (request, document, photo) was not found. */
        NotFound: {
            headers: {
                [name: string]: unknown;
            };
            content: {
                "application/json": components["schemas"]["Error"];
            };
        };
        /** @description The state of the resource does not allow the request (e.g. the request is already closed). */
        MethodNotAllowed: {
            headers: {
                [name: string]: unknown;
            };
            content: {
                "application/json": components["schemas"]["Error"];
            };
        };
        /**
         * @description Wrong request parameters — the request cannot be executed (a missing or wrong parameter, an invalid change of
         *     a `validated` request, an address outside the delivery area, a cancel that is no longer possible, …).
         */
        UnprocessableEntity: {
            headers: {
                [name: string]: unknown;
            };
            content: {
                "application/json": components["schemas"]["ValidationError"];
            };
        };
        /**
         * @description A concurrent request with the same parameters is already being processed (e.g. slots for the same
         *     coordinates). Wait for the first request and retry; no `Retry-After` is documented.
         */
        TooManyRequests: {
            headers: {
                [name: string]: unknown;
            };
            content: {
                "application/json": components["schemas"]["Error"];
            };
        };
        /** @description Internal server error. Retry later. */
        InternalServerError: {
            headers: {
                [name: string]: unknown;
            };
            content: {
                "application/json": components["schemas"]["Error"];
            };
        };
        /** @description The partner accepted the callback. Only the status `200` matters; the body is ignored (any, or none). */
        CallbackAccepted: {
            headers: {
                [name: string]: unknown;
            };
            content: {
                "application/json": Record<string, never>;
            };
        };
        /**
         * @description The partner could not accept the callback (any non-`200` status, e.g. `400` or `5xx`, counts as a failure);
         *     Fastriver retries 10 more times at growing intervals. The body is ignored.
         */
        CallbackRejected: {
            headers: {
                [name: string]: unknown;
            };
            content: {
                "application/json": components["schemas"]["Error"];
            };
        };
    };
    parameters: {
        /**
         * @description API version. The source sends `v1` with every request (and so does this project's client); this method
         *     exists only in `v1`. Modelled as optional with default `v1` (whether it may be omitted is unconfirmed).
         * @example v1
         */
        ApiVersion: "v1" | "v2";
        /**
         * @description API version, which selects the response shape: `v1` — only free slots; `v2` — every slot of the city with
         *     the `available` flag. The local mock host maps it to `Prefer: example=v1|v2`.
         */
        ApiVersionSelect: "v1" | "v2";
        /**
         * @description API version. This method exists only in `v2`; what `v1` returns for it is unconfirmed.
         * @example v2
         */
        ApiVersionV2: "v2";
        /**
         * @description UUID of the delivery request (its `id`), as returned by `createDeliveryRequest`.
         * @example 0f6e0d39-1475-43c1-bd3f-681c6c9d1cf4
         */
        DeliveryRequestUuid: string;
        /**
         * @description Id of an uploaded printed form, as returned by `uploadDeliveryRequestDocument`.
         * @example 191
         */
        PackageDocumentId: number;
        /**
         * @description Page number, 1-based; a page holds 20 items, `meta.total` gives the total count. (The source's parameter
         *     table spells it `pate`, its example request uses `page`.)
         * @example 2
         */
        Page: number;
        /**
         * @description Date to check the slots for (`YYYY-MM-DD`). Optional when the request already has a date.
         * @example 2021-02-01
         */
        SlotDate: string;
        /**
         * @description Latitude of the delivery point. Optional when the request already has an address.
         * @example 55.7896513
         */
        SlotLat: number;
        /**
         * @description Longitude of the delivery point. Optional when the request already has an address.
         * @example 37.6593023
         */
        SlotLon: number;
    };
    requestBodies: never;
    headers: never;
    pathItems: never;
}
export type $defs = Record<string, never>;
export interface operations {
    refreshToken: {
        parameters: {
            query?: never;
            header?: {
                /**
                 * @description API version. The source sends `v1` with every request (and so does this project's client); this method
                 *     exists only in `v1`. Modelled as optional with default `v1` (whether it may be omitted is unconfirmed).
                 * @example v1
                 */
                "X-API-VERSION"?: components["parameters"]["ApiVersion"];
            };
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description A fresh token and its expiry time. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["AuthToken"];
                };
            };
            401: components["responses"]["Unauthorized"];
            422: components["responses"]["UnprocessableEntity"];
            429: components["responses"]["TooManyRequests"];
            500: components["responses"]["InternalServerError"];
        };
    };
    login: {
        parameters: {
            query?: never;
            header?: {
                /**
                 * @description API version. The source sends `v1` with every request (and so does this project's client); this method
                 *     exists only in `v1`. Modelled as optional with default `v1` (whether it may be omitted is unconfirmed).
                 * @example v1
                 */
                "X-API-VERSION"?: components["parameters"]["ApiVersion"];
            };
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["LoginRequest"];
            };
        };
        responses: {
            /** @description The token and its expiry time. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["AuthToken"];
                };
            };
            401: components["responses"]["Unauthorized"];
            422: components["responses"]["UnprocessableEntity"];
            429: components["responses"]["TooManyRequests"];
            500: components["responses"]["InternalServerError"];
        };
    };
    logout: {
        parameters: {
            query?: never;
            header?: {
                /**
                 * @description API version. The source sends `v1` with every request (and so does this project's client); this method
                 *     exists only in `v1`. Modelled as optional with default `v1` (whether it may be omitted is unconfirmed).
                 * @example v1
                 */
                "X-API-VERSION"?: components["parameters"]["ApiVersion"];
            };
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: components["responses"]["Ok"];
            401: components["responses"]["Unauthorized"];
            422: components["responses"]["UnprocessableEntity"];
            429: components["responses"]["TooManyRequests"];
            500: components["responses"]["InternalServerError"];
        };
    };
    listDeliveryRequests: {
        parameters: {
            query?: {
                /**
                 * @description Filters, sent as `filter[name]=value` (all optional; no filter means no restriction):
                 *
                 *     * `city` — delivery city, code or name (`moscow` or `Москва`);
                 *     * `date_gte` / `date_lte` — planned/actual delivery date, inclusive bounds;
                 *     * `request_date_gte` / `request_date_lte` — the date given in the original request, inclusive bounds;
                 *     * `external_id` — the partner's request number;
                 *     * `status` — request status; `delivery_status` — delivery status;
                 *     * `demo` — demo (test) requests or not;
                 *     * `addressee` — last name of a person, or company name / INN of a legal entity;
                 *     * `product_id` — product code;
                 *     * `created_by_id` — id of the manager who created the request.
                 */
                filter?: components["schemas"]["DeliveryRequestFilter"];
                /**
                 * @description Page number, 1-based; a page holds 20 items, `meta.total` gives the total count. (The source's parameter
                 *     table spells it `pate`, its example request uses `page`.)
                 * @example 2
                 */
                page?: components["parameters"]["Page"];
            };
            header?: {
                /**
                 * @description API version. The source sends `v1` with every request (and so does this project's client); this method
                 *     exists only in `v1`. Modelled as optional with default `v1` (whether it may be omitted is unconfirmed).
                 * @example v1
                 */
                "X-API-VERSION"?: components["parameters"]["ApiVersion"];
            };
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description A page of requests and the total count. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["DeliveryRequestListDocument"];
                };
            };
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            422: components["responses"]["UnprocessableEntity"];
            429: components["responses"]["TooManyRequests"];
            500: components["responses"]["InternalServerError"];
        };
    };
    createDeliveryRequest: {
        parameters: {
            query?: never;
            header?: {
                /**
                 * @description API version. The source sends `v1` with every request (and so does this project's client); this method
                 *     exists only in `v1`. Modelled as optional with default `v1` (whether it may be omitted is unconfirmed).
                 * @example v1
                 */
                "X-API-VERSION"?: components["parameters"]["ApiVersion"];
            };
            path?: never;
            cookie?: never;
        };
        requestBody?: {
            content: {
                "application/json": components["schemas"]["DeliveryRequestInputDocument"];
            };
        };
        responses: {
            /** @description The request as in `getDeliveryRequest`, with `validation_errors` while data is missing or wrong. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["DeliveryRequestDocument"];
                };
            };
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            422: components["responses"]["UnprocessableEntity"];
            429: components["responses"]["TooManyRequests"];
            500: components["responses"]["InternalServerError"];
        };
    };
    getDeliveryRequest: {
        parameters: {
            query?: never;
            header?: {
                /**
                 * @description API version. The source sends `v1` with every request (and so does this project's client); this method
                 *     exists only in `v1`. Modelled as optional with default `v1` (whether it may be omitted is unconfirmed).
                 * @example v1
                 */
                "X-API-VERSION"?: components["parameters"]["ApiVersion"];
            };
            path: {
                /**
                 * @description UUID of the delivery request (its `id`), as returned by `createDeliveryRequest`.
                 * @example 0f6e0d39-1475-43c1-bd3f-681c6c9d1cf4
                 */
                uuid: components["parameters"]["DeliveryRequestUuid"];
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The request with its deliveries and slots. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["DeliveryRequestDocument"];
                };
            };
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            422: components["responses"]["UnprocessableEntity"];
            429: components["responses"]["TooManyRequests"];
            500: components["responses"]["InternalServerError"];
        };
    };
    cancelDeliveryRequest: {
        parameters: {
            query?: never;
            header?: {
                /**
                 * @description API version. The source sends `v1` with every request (and so does this project's client); this method
                 *     exists only in `v1`. Modelled as optional with default `v1` (whether it may be omitted is unconfirmed).
                 * @example v1
                 */
                "X-API-VERSION"?: components["parameters"]["ApiVersion"];
            };
            path: {
                /**
                 * @description UUID of the delivery request (its `id`), as returned by `createDeliveryRequest`.
                 * @example 0f6e0d39-1475-43c1-bd3f-681c6c9d1cf4
                 */
                uuid: components["parameters"]["DeliveryRequestUuid"];
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["CancelDeliveryRequestDocument"];
            };
        };
        responses: {
            /** @description The canceled request as in `getDeliveryRequest`. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["DeliveryRequestDocument"];
                };
            };
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            422: components["responses"]["UnprocessableEntity"];
            429: components["responses"]["TooManyRequests"];
            500: components["responses"]["InternalServerError"];
        };
    };
    updateDeliveryRequest: {
        parameters: {
            query?: never;
            header?: {
                /**
                 * @description API version. The source sends `v1` with every request (and so does this project's client); this method
                 *     exists only in `v1`. Modelled as optional with default `v1` (whether it may be omitted is unconfirmed).
                 * @example v1
                 */
                "X-API-VERSION"?: components["parameters"]["ApiVersion"];
            };
            path: {
                /**
                 * @description UUID of the delivery request (its `id`), as returned by `createDeliveryRequest`.
                 * @example 0f6e0d39-1475-43c1-bd3f-681c6c9d1cf4
                 */
                uuid: components["parameters"]["DeliveryRequestUuid"];
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["DeliveryRequestInputDocument"];
            };
        };
        responses: {
            /** @description The updated request as in `getDeliveryRequest`. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["DeliveryRequestDocument"];
                };
            };
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            422: components["responses"]["UnprocessableEntity"];
            429: components["responses"]["TooManyRequests"];
            500: components["responses"]["InternalServerError"];
        };
    };
    getTimeIntervals: {
        parameters: {
            query: {
                /**
                 * @description What to check, sent as plain query parameters (`?date=…&check_days=…&lat=…&lon=…&address=…&product=…`:
                 *     an exploded form-style object, so the name `check` itself never appears on the wire). One object, so
                 *     that the rule "`lat` + `lon` when there is no `address`, and `address` when there are no coordinates"
                 *     is part of the schema (the mock enforces it), which separate parameters cannot express.
                 * @example {
                 *       "date": "2021-02-01",
                 *       "check_days": 4,
                 *       "lat": 55.7377144,
                 *       "lon": 37.82652
                 *     }
                 */
                check: components["schemas"]["TimeIntervalsCheck"];
            };
            header: {
                /**
                 * @description API version, which selects the response shape: `v1` — only free slots; `v2` — every slot of the city with
                 *     the `available` flag. The local mock host maps it to `Prefer: example=v1|v2`.
                 */
                "X-API-VERSION": components["parameters"]["ApiVersionSelect"];
            };
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /**
             * @description The checked dates with their slots — the `v1` or the `v2` document, depending on `X-API-VERSION` (the
             *     example names are the versions).
             */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["DeliveryDatesDocument"];
                };
            };
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            422: components["responses"]["UnprocessableEntity"];
            429: components["responses"]["TooManyRequests"];
            500: components["responses"]["InternalServerError"];
        };
    };
    getDeliveryRequestTimeIntervals: {
        parameters: {
            query?: {
                /**
                 * @description Date to check the slots for (`YYYY-MM-DD`). Optional when the request already has a date.
                 * @example 2021-02-01
                 */
                date?: components["parameters"]["SlotDate"];
                /**
                 * @description Latitude of the delivery point. Optional when the request already has an address.
                 * @example 55.7896513
                 */
                lat?: components["parameters"]["SlotLat"];
                /**
                 * @description Longitude of the delivery point. Optional when the request already has an address.
                 * @example 37.6593023
                 */
                lon?: components["parameters"]["SlotLon"];
            };
            header: {
                /**
                 * @description API version, which selects the response shape: `v1` — only free slots; `v2` — every slot of the city with
                 *     the `available` flag. The local mock host maps it to `Prefer: example=v1|v2`.
                 */
                "X-API-VERSION": components["parameters"]["ApiVersionSelect"];
            };
            path: {
                /**
                 * @description UUID of the delivery request (its `id`), as returned by `createDeliveryRequest`.
                 * @example 0f6e0d39-1475-43c1-bd3f-681c6c9d1cf4
                 */
                uuid: components["parameters"]["DeliveryRequestUuid"];
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /**
             * @description The slots — the `v1` or the `v2` document, depending on `X-API-VERSION` (the example names are the
             *     versions).
             */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["TimeIntervalsDocument"];
                };
            };
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            422: components["responses"]["UnprocessableEntity"];
            429: components["responses"]["TooManyRequests"];
            500: components["responses"]["InternalServerError"];
        };
    };
    confirmDeliveryRequest: {
        parameters: {
            query?: never;
            header?: {
                /**
                 * @description API version. The source sends `v1` with every request (and so does this project's client); this method
                 *     exists only in `v1`. Modelled as optional with default `v1` (whether it may be omitted is unconfirmed).
                 * @example v1
                 */
                "X-API-VERSION"?: components["parameters"]["ApiVersion"];
            };
            path: {
                /**
                 * @description UUID of the delivery request (its `id`), as returned by `createDeliveryRequest`.
                 * @example 0f6e0d39-1475-43c1-bd3f-681c6c9d1cf4
                 */
                uuid: components["parameters"]["DeliveryRequestUuid"];
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The confirmed request as in `getDeliveryRequest`. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["DeliveryRequestDocument"];
                };
            };
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            405: components["responses"]["MethodNotAllowed"];
            422: components["responses"]["UnprocessableEntity"];
            429: components["responses"]["TooManyRequests"];
            500: components["responses"]["InternalServerError"];
        };
    };
    rejectDeliveryRequest: {
        parameters: {
            query?: never;
            header?: {
                /**
                 * @description API version. The source sends `v1` with every request (and so does this project's client); this method
                 *     exists only in `v1`. Modelled as optional with default `v1` (whether it may be omitted is unconfirmed).
                 * @example v1
                 */
                "X-API-VERSION"?: components["parameters"]["ApiVersion"];
            };
            path: {
                /**
                 * @description UUID of the delivery request (its `id`), as returned by `createDeliveryRequest`.
                 * @example 0f6e0d39-1475-43c1-bd3f-681c6c9d1cf4
                 */
                uuid: components["parameters"]["DeliveryRequestUuid"];
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["RejectDeliveryRequestDocument"];
            };
        };
        responses: {
            /** @description The rejected request as in `getDeliveryRequest`. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["DeliveryRequestDocument"];
                };
            };
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            405: components["responses"]["MethodNotAllowed"];
            422: components["responses"]["UnprocessableEntity"];
            429: components["responses"]["TooManyRequests"];
            500: components["responses"]["InternalServerError"];
        };
    };
    callPlease: {
        parameters: {
            query?: never;
            header?: {
                /**
                 * @description API version. The source sends `v1` with every request (and so does this project's client); this method
                 *     exists only in `v1`. Modelled as optional with default `v1` (whether it may be omitted is unconfirmed).
                 * @example v1
                 */
                "X-API-VERSION"?: components["parameters"]["ApiVersion"];
            };
            path: {
                /**
                 * @description UUID of the delivery request (its `id`), as returned by `createDeliveryRequest`.
                 * @example 0f6e0d39-1475-43c1-bd3f-681c6c9d1cf4
                 */
                uuid: components["parameters"]["DeliveryRequestUuid"];
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: components["responses"]["Ok"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            405: components["responses"]["MethodNotAllowed"];
            422: components["responses"]["UnprocessableEntity"];
            429: components["responses"]["TooManyRequests"];
            500: components["responses"]["InternalServerError"];
        };
    };
    transferDelivery: {
        parameters: {
            query?: never;
            header: {
                /**
                 * @description API version. This method exists only in `v2`; what `v1` returns for it is unconfirmed.
                 * @example v2
                 */
                "X-API-VERSION": components["parameters"]["ApiVersionV2"];
            };
            path: {
                /**
                 * @description UUID of the delivery request (its `id`), as returned by `createDeliveryRequest`.
                 * @example 0f6e0d39-1475-43c1-bd3f-681c6c9d1cf4
                 */
                uuid: components["parameters"]["DeliveryRequestUuid"];
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["TransferDeliveryRequest"];
            };
        };
        responses: {
            /** @description The request as in `getDeliveryRequest`. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["DeliveryRequestDocument"];
                };
            };
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            405: components["responses"]["MethodNotAllowed"];
            422: components["responses"]["UnprocessableEntity"];
            429: components["responses"]["TooManyRequests"];
            500: components["responses"]["InternalServerError"];
        };
    };
    completeDelivery: {
        parameters: {
            query?: never;
            header: {
                /**
                 * @description API version. This method exists only in `v2`; what `v1` returns for it is unconfirmed.
                 * @example v2
                 */
                "X-API-VERSION": components["parameters"]["ApiVersionV2"];
            };
            path: {
                /**
                 * @description UUID of the delivery request (its `id`), as returned by `createDeliveryRequest`.
                 * @example 0f6e0d39-1475-43c1-bd3f-681c6c9d1cf4
                 */
                uuid: components["parameters"]["DeliveryRequestUuid"];
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["CompleteDeliveryRequest"];
            };
        };
        responses: {
            /** @description The request as in `getDeliveryRequest`. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["DeliveryRequestDocument"];
                };
            };
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            405: components["responses"]["MethodNotAllowed"];
            422: components["responses"]["UnprocessableEntity"];
            429: components["responses"]["TooManyRequests"];
            500: components["responses"]["InternalServerError"];
        };
    };
    uploadDeliveryRequestDocument: {
        parameters: {
            query?: never;
            header?: {
                /**
                 * @description API version. The source sends `v1` with every request (and so does this project's client); this method
                 *     exists only in `v1`. Modelled as optional with default `v1` (whether it may be omitted is unconfirmed).
                 * @example v1
                 */
                "X-API-VERSION"?: components["parameters"]["ApiVersion"];
            };
            path: {
                /**
                 * @description UUID of the delivery request (its `id`), as returned by `createDeliveryRequest`.
                 * @example 0f6e0d39-1475-43c1-bd3f-681c6c9d1cf4
                 */
                uuid: components["parameters"]["DeliveryRequestUuid"];
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "multipart/form-data": components["schemas"]["UploadDocumentRequest"];
            };
        };
        responses: {
            /** @description The stored document. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["PackageDocumentDocument"];
                };
            };
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            405: components["responses"]["MethodNotAllowed"];
            422: components["responses"]["UnprocessableEntity"];
            429: components["responses"]["TooManyRequests"];
            500: components["responses"]["InternalServerError"];
        };
    };
    getDeliveryPhoto: {
        parameters: {
            query?: {
                /**
                 * @description Size: omitted — original; `medium` — compressed; `thumb` — preview.
                 * @example thumb
                 */
                version_kind?: "medium" | "thumb";
            };
            header?: {
                /**
                 * @description API version. The source sends `v1` with every request (and so does this project's client); this method
                 *     exists only in `v1`. Modelled as optional with default `v1` (whether it may be omitted is unconfirmed).
                 * @example v1
                 */
                "X-API-VERSION"?: components["parameters"]["ApiVersion"];
            };
            path: {
                /**
                 * @description UUID of the delivery request (its `id`), as returned by `createDeliveryRequest`.
                 * @example 0f6e0d39-1475-43c1-bd3f-681c6c9d1cf4
                 */
                uuid: components["parameters"]["DeliveryRequestUuid"];
                /**
                 * @description Id of the photo. The method table calls it `:token`, the method's text `:photo_id`; `photos[].proxy_url`
                 *     shows a UUID (under `/delivery_photos/` without the request). Modelled as an opaque string.
                 * @example 653aef44-28d4-4c5f-ad99-7e5f4de2d616
                 */
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The photo's bytes. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "image/jpeg": Blob;
                    "image/png": Blob;
                };
            };
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            422: components["responses"]["UnprocessableEntity"];
            429: components["responses"]["TooManyRequests"];
            500: components["responses"]["InternalServerError"];
        };
    };
    listPackageDocuments: {
        parameters: {
            query: {
                /** @description `filter[delivery_request_uuid]` — UUID of the delivery request (required). */
                filter: {
                    /**
                     * Format: uuid
                     * @description UUID of the delivery request.
                     */
                    delivery_request_uuid: string;
                };
            };
            header?: {
                /**
                 * @description API version. The source sends `v1` with every request (and so does this project's client); this method
                 *     exists only in `v1`. Modelled as optional with default `v1` (whether it may be omitted is unconfirmed).
                 * @example v1
                 */
                "X-API-VERSION"?: components["parameters"]["ApiVersion"];
            };
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The request's documents and their count. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["PackageDocumentListDocument"];
                };
            };
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            422: components["responses"]["UnprocessableEntity"];
            429: components["responses"]["TooManyRequests"];
            500: components["responses"]["InternalServerError"];
        };
    };
    getPackageDocument: {
        parameters: {
            query?: never;
            header?: {
                /**
                 * @description API version. The source sends `v1` with every request (and so does this project's client); this method
                 *     exists only in `v1`. Modelled as optional with default `v1` (whether it may be omitted is unconfirmed).
                 * @example v1
                 */
                "X-API-VERSION"?: components["parameters"]["ApiVersion"];
            };
            path: {
                /**
                 * @description Id of an uploaded printed form, as returned by `uploadDeliveryRequestDocument`.
                 * @example 191
                 */
                id: components["parameters"]["PackageDocumentId"];
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The document. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["PackageDocumentDocument"];
                };
            };
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            422: components["responses"]["UnprocessableEntity"];
            429: components["responses"]["TooManyRequests"];
            500: components["responses"]["InternalServerError"];
        };
    };
    deletePackageDocument: {
        parameters: {
            query?: never;
            header?: {
                /**
                 * @description API version. The source sends `v1` with every request (and so does this project's client); this method
                 *     exists only in `v1`. Modelled as optional with default `v1` (whether it may be omitted is unconfirmed).
                 * @example v1
                 */
                "X-API-VERSION"?: components["parameters"]["ApiVersion"];
            };
            path: {
                /**
                 * @description Id of an uploaded printed form, as returned by `uploadDeliveryRequestDocument`.
                 * @example 191
                 */
                id: components["parameters"]["PackageDocumentId"];
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: components["responses"]["Ok"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            422: components["responses"]["UnprocessableEntity"];
            429: components["responses"]["TooManyRequests"];
            500: components["responses"]["InternalServerError"];
        };
    };
    listCities: {
        parameters: {
            query?: {
                /** @description `filter[lat]`, `filter[lon]` — coordinates of the expected delivery point (optional). */
                filter?: {
                    /** @description Latitude of the expected delivery point. */
                    lat?: number;
                    /** @description Longitude of the expected delivery point. */
                    lon?: number;
                };
            };
            header?: {
                /**
                 * @description API version. The source sends `v1` with every request (and so does this project's client); this method
                 *     exists only in `v1`. Modelled as optional with default `v1` (whether it may be omitted is unconfirmed).
                 * @example v1
                 */
                "X-API-VERSION"?: components["parameters"]["ApiVersion"];
            };
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The cities and their count. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["CityListDocument"];
                };
            };
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            422: components["responses"]["UnprocessableEntity"];
            429: components["responses"]["TooManyRequests"];
            500: components["responses"]["InternalServerError"];
        };
    };
    listProducts: {
        parameters: {
            query?: never;
            header?: {
                /**
                 * @description API version. The source sends `v1` with every request (and so does this project's client); this method
                 *     exists only in `v1`. Modelled as optional with default `v1` (whether it may be omitted is unconfirmed).
                 * @example v1
                 */
                "X-API-VERSION"?: components["parameters"]["ApiVersion"];
            };
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The dictionary entries and their count. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ProductListDocument"];
                };
            };
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            422: components["responses"]["UnprocessableEntity"];
            429: components["responses"]["TooManyRequests"];
            500: components["responses"]["InternalServerError"];
        };
    };
    listPhotoTypes: {
        parameters: {
            query?: never;
            header?: {
                /**
                 * @description API version. The source sends `v1` with every request (and so does this project's client); this method
                 *     exists only in `v1`. Modelled as optional with default `v1` (whether it may be omitted is unconfirmed).
                 * @example v1
                 */
                "X-API-VERSION"?: components["parameters"]["ApiVersion"];
            };
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The dictionary entries and their count. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["PhotoTypeListDocument"];
                };
            };
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            422: components["responses"]["UnprocessableEntity"];
            429: components["responses"]["TooManyRequests"];
            500: components["responses"]["InternalServerError"];
        };
    };
    listCancelReasons: {
        parameters: {
            query?: never;
            header?: {
                /**
                 * @description API version. The source sends `v1` with every request (and so does this project's client); this method
                 *     exists only in `v1`. Modelled as optional with default `v1` (whether it may be omitted is unconfirmed).
                 * @example v1
                 */
                "X-API-VERSION"?: components["parameters"]["ApiVersion"];
            };
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The dictionary entries and their count. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["CancelReasonListDocument"];
                };
            };
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            422: components["responses"]["UnprocessableEntity"];
            429: components["responses"]["TooManyRequests"];
            500: components["responses"]["InternalServerError"];
        };
    };
    listRejectReasons: {
        parameters: {
            query?: never;
            header?: {
                /**
                 * @description API version. The source sends `v1` with every request (and so does this project's client); this method
                 *     exists only in `v1`. Modelled as optional with default `v1` (whether it may be omitted is unconfirmed).
                 * @example v1
                 */
                "X-API-VERSION"?: components["parameters"]["ApiVersion"];
            };
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The dictionary entries and their count. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["RejectReasonListDocument"];
                };
            };
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            422: components["responses"]["UnprocessableEntity"];
            429: components["responses"]["TooManyRequests"];
            500: components["responses"]["InternalServerError"];
        };
    };
    listFailureReasons: {
        parameters: {
            query?: never;
            header?: {
                /**
                 * @description API version. The source sends `v1` with every request (and so does this project's client); this method
                 *     exists only in `v1`. Modelled as optional with default `v1` (whether it may be omitted is unconfirmed).
                 * @example v1
                 */
                "X-API-VERSION"?: components["parameters"]["ApiVersion"];
            };
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The dictionary entries and their count. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["FailureReasonListDocument"];
                };
            };
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            422: components["responses"]["UnprocessableEntity"];
            429: components["responses"]["TooManyRequests"];
            500: components["responses"]["InternalServerError"];
        };
    };
    listDeliveryRequestStatuses: {
        parameters: {
            query?: never;
            header?: {
                /**
                 * @description API version. The source sends `v1` with every request (and so does this project's client); this method
                 *     exists only in `v1`. Modelled as optional with default `v1` (whether it may be omitted is unconfirmed).
                 * @example v1
                 */
                "X-API-VERSION"?: components["parameters"]["ApiVersion"];
            };
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The dictionary entries and their count. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["DeliveryRequestStatusListDocument"];
                };
            };
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            422: components["responses"]["UnprocessableEntity"];
            429: components["responses"]["TooManyRequests"];
            500: components["responses"]["InternalServerError"];
        };
    };
    listDeliveryStatuses: {
        parameters: {
            query?: never;
            header?: {
                /**
                 * @description API version. The source sends `v1` with every request (and so does this project's client); this method
                 *     exists only in `v1`. Modelled as optional with default `v1` (whether it may be omitted is unconfirmed).
                 * @example v1
                 */
                "X-API-VERSION"?: components["parameters"]["ApiVersion"];
            };
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The dictionary entries and their count. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["DeliveryStatusListDocument"];
                };
            };
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            422: components["responses"]["UnprocessableEntity"];
            429: components["responses"]["TooManyRequests"];
            500: components["responses"]["InternalServerError"];
        };
    };
    receiveDeliveryRequestEvent: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["CallbackEventPayload"];
            };
        };
        responses: {
            200: components["responses"]["CallbackAccepted"];
            400: components["responses"]["CallbackRejected"];
        };
    };
    receiveDeliveryRequestEventWithRequest: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["CallbackEventWithRequestPayload"];
            };
        };
        responses: {
            200: components["responses"]["CallbackAccepted"];
            400: components["responses"]["CallbackRejected"];
        };
    };
}
