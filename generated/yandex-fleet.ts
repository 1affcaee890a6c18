// Generated from specs/yandex-fleet.yaml by `npm run generate`. Do not edit by hand.

export interface paths {
    "/v2/parks/driver-profiles/transactions": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Create a driver balance transaction (v2, deprecated)
         * @deprecated
         * @description Creates a transaction on the balance of a driver (courier) in the given category.
         *
         *     **No longer supported** by Yandex — use `createTransactionV3`
         *     (`POST /v3/parks/driver-profiles/transactions`) instead. Kept here so existing integrations and the mock
         *     can still be described and tested.
         *
         *     `category_id` must be a category with `is_creatable = true` in `listTransactionCategories`.
         *     Requires `X-Idempotency-Token`; retry with the same token and the same body.
         */
        post: operations["createTransaction"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v3/parks/driver-profiles/transactions": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Create or update a contractor balance transaction (v3)
         * @description Creates a transaction on the balance of a contractor (driver or courier), or updates one created earlier.
         *     Replaces the deprecated `createTransaction` (v2).
         *
         *     * `amount` must not be `0`; a leading `-` debits the balance, otherwise it is credited.
         *     * `data.kind` says what the money is for (`other`, `rent`, `deposit`, `payout`, `insurance`, `fine`,
         *       `damage`, `fuel`, `referal`, `topup`, `bonus`); it replaces the v2 `category_id`.
         *     * `condition.balance_min` — the transaction runs only if the balance is at least this amount.
         *     * `version` — `1` for a new transaction; send a greater value to update it. On update only fields that
         *       affect the sum (`amount`, `fee_amount`, `park_fee`) may change, and `condition` is not applied.
         *
         *     Processing is asynchronous: poll `getTransactionStatus` until `version_info.status` is `success` or `fail`.
         *     Requires `X-Idempotency-Token`; retry with the same token and the same body.
         *
         *     The `200` body is **not published** (unconfirmed). It is modelled as the same `TransactionStatus` object
         *     that `getTransactionStatus` returns; public clients defensively read `id`, `transaction_id` or
         *     `transaction.id`.
         *
         *     **Local mock** (its choices; the reference is silent): a new transaction gets a new `id` and `event_id`
         *     and its version is written `in_progress`. The same token with the same body answers the first answer
         *     again; with another body a `409` `idempotency_conflict` (example `idempotencyConflict`). An update is
         *     the same `park_id`, `contractor_profile_id` and `data` with a greater `version` (only the sums may
         *     change, as the reference says); a `version` not greater than the greatest written is a `409`
         *     `version_conflict` (example `staleVersion`), one with no version 1 before it a `400` `bad_request`.
         */
        post: operations["createTransactionV3"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v3/parks/driver-profiles/transactions/status": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Get the status of a transaction version (v3)
         * @description Returns the processing state of one version of a transaction created with `createTransactionV3`:
         *     the latest version known, the latest successfully applied version and the details of the requested version
         *     (`in_progress`, `success` or `fail`).
         *
         *     **Local mock** (its choices; the reference does not say how long processing takes): the first read of a
         *     version written `in_progress` reports `in_progress`, and from then on it is applied (`success`, and
         *     `latest_success_version` follows): one poll later. `fail` comes only from its admin API. A transaction,
         *     version, park or contractor it does not know is a `404` `not_found` (example `transactionNotFound`).
         */
        get: operations["getTransactionStatus"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v2/parks/transactions/categories/list": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * List transaction categories of a park
         * @description Returns the transaction categories of a park, optionally filtered by their flags. Names are localized
         *     according to `Accept-Language`. Use a category with `is_creatable = true` as `category_id` in
         *     `createTransaction` (v2).
         */
        post: operations["listTransactionCategories"];
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
         * @description Partner (park) identifier.
         * @example ee6f33c4562b4e1f8646d157bd70b2c4
         */
        ParkId: string;
        /**
         * @description Driver (courier) profile identifier, as used by the v2 methods.
         * @example 33de650c6a1a40bfa78dd981817da866
         */
        DriverProfileId: string;
        /**
         * @description Contractor (driver or courier) profile identifier, as used by the v3 methods. Replaces `driver_profile_id`;
         *     the two ids of one driver can differ.
         * @example 33de650c6a1a40bfa78dd981817da866
         */
        ContractorProfileId: string;
        /**
         * @description Fixed-point sum as a decimal string with at most 4 decimal places, in the park's currency. A leading `-`
         *     means a debit from the balance, otherwise a credit. Where it is the amount of a new transaction it must not
         *     be `0`.
         * @example 12345.1434
         * @example -1500.00
         */
        Amount: string;
        /**
         * @description Currency of the park, e.g. `RUB`. The seed gives only the type and the example; "ISO 4217" is our reading
         *     (unconfirmed), so no pattern is enforced.
         * @example RUB
         */
        CurrencyCode: string;
        /**
         * Format: date-time
         * @description ISO 8601 date and time with a time zone offset.
         * @example 2019-08-08T11:58:01+03:00
         */
        DateTime: string;
        /**
         * @description Fixed-point sum (v2), at most 20 characters, e.g. `12345.1434`; a leading `-` debits the balance. The seed
         *     gives only the type, the maximum length and the example: the v3 `Amount` pattern (at most 4 decimals) is
         *     likely but unconfirmed for v2, so it is not enforced here.
         * @example 12345.1434
         * @example -1500.00
         */
        V2Amount: string;
        /**
         * @description Free-text description of the transaction, shown to the driver. No length limits are stated for v2.
         * @example Списание №13
         */
        Description: string;
        /**
         * @description Free-text description of the transaction (v3), shown to the contractor.
         * @example Аренда автомобиля за 12.08
         */
        TransactionDescription: string;
        /**
         * @description Transaction category identifier. Valid values come from `listTransactionCategories`; they are
         *     park-specific (e.g. `partner_service_manual`, `partner_service_manual_3`, `card`), so they are not enumerated.
         * @example partner_service_manual
         */
        CategoryId: string;
        /**
         * @description Transaction identifier (v3).
         * @example a3f1c2d4e5b64789a0b1c2d3e4f5a6b7
         */
        TransactionId: string;
        /**
         * @description Version number of a transaction; versions start at 1.
         * @example 1
         */
        TransactionVersion: number;
        /**
         * @description Version to write. Send `1` for a new transaction; to update an existing one send a value greater than its
         *     current version. On update only the fields that affect the sum (`amount`, `fee_amount`, `park_fee`) may
         *     change, and `condition` is not applied. A version that is not greater than the stored one is modelled as
         *     `409`. Whether the field is optional, and its default `1`, are unconfirmed (one rendering marks it optional,
         *     the examples always send it). The local mock (its choice; the source gives no upper bound) refuses a version
         *     above 9007199254740991 (2^53 − 1) with its `400` `invalid_request` naming `version`: a JSON number beyond it
         *     reaches JavaScript already rounded, and would be stored as another version.
         * @default 1
         * @example 1
         */
        TransactionRequestVersion: number;
        /** @description Body of `createTransaction` (v2). All fields are required; no other fields are accepted. */
        CreateTransactionRequest: {
            park_id: components["schemas"]["ParkId"];
            driver_profile_id: components["schemas"]["DriverProfileId"];
            /**
             * @description Category of the new transaction. Only categories with `is_creatable = true` in
             *     `listTransactionCategories` are allowed, e.g. `partner_service_manual_3`.
             */
            category_id: components["schemas"]["CategoryId"];
            /** @description Sum of the transaction (fixed-point string, at most 20 characters). */
            amount: components["schemas"]["V2Amount"];
            description: components["schemas"]["Description"];
        };
        /**
         * @description A transaction created with `createTransaction` (v2). The seed's example has every field, but its table marks
         *     none required, so none is required here (the same for the creator's fields besides `identity`).
         */
        Transaction: {
            /** @description When the transaction happened. */
            event_at?: components["schemas"]["DateTime"];
            park_id?: components["schemas"]["ParkId"];
            driver_profile_id?: components["schemas"]["DriverProfileId"];
            category_id?: components["schemas"]["CategoryId"];
            amount?: components["schemas"]["V2Amount"];
            currency_code?: components["schemas"]["CurrencyCode"];
            description?: components["schemas"]["Description"];
            created_by?: components["schemas"]["TransactionCreatedBy"];
        };
        /** @description Who created the transaction, discriminated by `identity`. */
        TransactionCreatedBy: components["schemas"]["TransactionCreatedByDispatcher"] | components["schemas"]["TransactionCreatedByTechSupport"] | components["schemas"]["TransactionCreatedByFleetAPI"] | components["schemas"]["TransactionCreatedByPlatform"];
        /** @description Created by a park dispatcher in the Fleet cabinet. */
        TransactionCreatedByDispatcher: {
            /**
             * @description discriminator enum property added by openapi-typescript
             * @enum {string}
             */
            identity: "dispatcher";
            passport_uid?: components["schemas"]["PassportUID"];
            dispatcher_id?: components["schemas"]["DispatcherID"];
            dispatcher_name?: components["schemas"]["DispatcherName"];
        };
        /** @description Created by Yandex tech support. Further fields, if any, are not published (unconfirmed). */
        TransactionCreatedByTechSupport: {
            /**
             * @description discriminator enum property added by openapi-typescript
             * @enum {string}
             */
            identity: "tech-support";
        };
        /**
         * @description Created through the Fleet API. The property names `client_id` and `key_id` are taken from the example on
         *     the v2 page; the field list itself is not published (unconfirmed).
         */
        TransactionCreatedByFleetAPI: {
            /**
             * @description discriminator enum property added by openapi-typescript
             * @enum {string}
             */
            identity: "fleet-api";
            client_id?: components["schemas"]["FleetAPIClientID"];
            key_id?: components["schemas"]["FleetAPIKeyID"];
        };
        /** @description Created by the platform itself. Further fields, if any, are not published (unconfirmed). */
        TransactionCreatedByPlatform: {
            /**
             * @description discriminator enum property added by openapi-typescript
             * @enum {string}
             */
            identity: "platform";
        };
        /**
         * @description Yandex Passport user identifier of the dispatcher.
         * @example 123456789
         */
        PassportUID: string;
        /**
         * @description Dispatcher identifier.
         * @example 3621b3429ea04d989adf5ff4d5515d6a
         */
        DispatcherID: string;
        /**
         * @description Dispatcher name.
         * @example Вася Пупкин
         */
        DispatcherName: string;
        /**
         * @description Fleet API client id (the `X-Client-ID` used), e.g. `taxi/park/<park_id>`.
         * @example taxi/park/abc123
         */
        FleetAPIClientID: string;
        /**
         * @description Fleet API key id (not the key itself).
         * @example 521
         */
        FleetAPIKeyID: string;
        /**
         * @description Body of `createTransactionV3`. Extra top-level fields are not forbidden: the update rules mention
         *     `park_fee`, which the published body does not list.
         */
        CreateTransactionV3Request: {
            park_id: components["schemas"]["ParkId"];
            contractor_profile_id: components["schemas"]["ContractorProfileId"];
            /** @description Sum of the transaction. Must not be `0`; a leading `-` debits the balance, otherwise it is credited. */
            amount: components["schemas"]["Amount"];
            data: components["schemas"]["TransactionData"];
            description?: components["schemas"]["TransactionDescription"];
            condition?: components["schemas"]["TransactionCondition"];
            version?: components["schemas"]["TransactionRequestVersion"];
        };
        /** @description Condition checked before the transaction runs. Not applied when a transaction is updated (version > 1). */
        TransactionCondition: {
            /** @description Minimum balance the contractor must have for the transaction to run. */
            balance_min: components["schemas"]["Amount"];
        };
        /** @description What the transaction is for, discriminated by `kind` (replaces the v2 `category_id`). */
        TransactionData: components["schemas"]["OtherData"] | components["schemas"]["RentData"] | components["schemas"]["DepositData"] | components["schemas"]["PayoutData"] | components["schemas"]["InsuranceData"] | components["schemas"]["FineData"] | components["schemas"]["DamageData"] | components["schemas"]["FuelData"] | components["schemas"]["ReferalData"] | components["schemas"]["TopupData"] | components["schemas"]["BonusData"];
        /** @description Any other reason; `reason` explains it. */
        OtherData: {
            /**
             * @description discriminator enum property added by openapi-typescript
             * @enum {string}
             */
            kind: "other";
            /**
             * @description Short reason of the transaction. The reference gives minimum and maximum lengths whose values were not
             *     retrieved; only a non-empty string is enforced here (unconfirmed).
             * @example Утеря брендированного термокороба
             */
            reason: string;
        };
        /**
         * @description Rent of an object (e.g. a vehicle). The sub-fields are known from the reference, but which are required
         *     is not (unconfirmed), so only `kind` is.
         */
        RentData: {
            /**
             * @description discriminator enum property added by openapi-typescript
             * @enum {string}
             */
            kind: "rent";
            object?: components["schemas"]["RentObject"];
            schedule?: components["schemas"]["RentSchedule"];
        };
        /**
         * @description Deposit for an object. Like `rent`, plus `limits`. Which sub-fields are required is unconfirmed, so only
         *     `kind` is.
         */
        DepositData: {
            /**
             * @description discriminator enum property added by openapi-typescript
             * @enum {string}
             */
            kind: "deposit";
            object?: components["schemas"]["RentObject"];
            schedule?: components["schemas"]["RentSchedule"];
            /** @description Deposit limits. The contents are not published (unconfirmed), so any object is accepted. */
            limits?: {
                [key: string]: unknown;
            };
        };
        /** @description The rented object. */
        RentObject: {
            /**
             * @description Identifier of the object, e.g. the park's car id.
             * @example 5e2b8c0d9a7f4e3b8c1d2a3b4c5d6e7f
             */
            object_id?: string;
            /**
             * @description Type of the object, e.g. `vehicle`. The full list of values is not published, so it is not enumerated.
             * @example vehicle
             */
            object_type?: string;
            /**
             * @description Human-readable name of the object.
             * @example Kia Rio А123ВС777
             */
            object_name?: string;
        };
        /** @description Charging schedule of the rent. */
        RentSchedule: {
            /**
             * @description Number of working (charged) days in the cycle.
             * @example 6
             */
            working_days?: number;
            /**
             * @description Number of days off (not charged) in the cycle.
             * @example 1
             */
            holidays?: number;
        };
        /**
         * @description Payout of the balance to the contractor. `fee_amount` is from the reference; `rule` and `payout_amount` are
         *     seen only in third-party clients (unconfirmed). Other fields are allowed.
         */
        PayoutData: {
            /**
             * @description discriminator enum property added by openapi-typescript
             * @enum {string}
             */
            kind: "payout";
            /** @description Fee charged for the payout. */
            fee_amount?: components["schemas"]["Amount"];
            /** @description Fee rule of the payout (unconfirmed). */
            rule?: {
                /** @description Fee percentage, e.g. `"0.0"` (unconfirmed; seen as a string in third-party clients). */
                fee_percent?: string | number;
            };
            /** @description Amount paid out (unconfirmed). */
            payout_amount?: components["schemas"]["Amount"];
        };
        /** @description Insurance. The fields besides `kind` are not published (unconfirmed), so any are allowed. */
        InsuranceData: {
            /**
             * @description discriminator enum property added by openapi-typescript
             * @enum {string}
             */
            kind: "insurance";
        } & {
            [key: string]: unknown;
        };
        /** @description Fine. The fields besides `kind` are not published (unconfirmed), so any are allowed. */
        FineData: {
            /**
             * @description discriminator enum property added by openapi-typescript
             * @enum {string}
             */
            kind: "fine";
        } & {
            [key: string]: unknown;
        };
        /** @description Damage compensation. The fields besides `kind` are not published (unconfirmed), so any are allowed. */
        DamageData: {
            /**
             * @description discriminator enum property added by openapi-typescript
             * @enum {string}
             */
            kind: "damage";
        } & {
            [key: string]: unknown;
        };
        /** @description Fuel. The fields besides `kind` are not published (unconfirmed), so any are allowed. */
        FuelData: {
            /**
             * @description discriminator enum property added by openapi-typescript
             * @enum {string}
             */
            kind: "fuel";
        } & {
            [key: string]: unknown;
        };
        /**
         * @description Referral programme (the API spells the kind `referal`). The fields besides `kind` are not published
         *     (unconfirmed), so any are allowed.
         */
        ReferalData: {
            /**
             * @description discriminator enum property added by openapi-typescript
             * @enum {string}
             */
            kind: "referal";
        } & {
            [key: string]: unknown;
        };
        /** @description Balance top-up. The fields besides `kind` are not published (unconfirmed), so any are allowed. */
        TopupData: {
            /**
             * @description discriminator enum property added by openapi-typescript
             * @enum {string}
             */
            kind: "topup";
        } & {
            [key: string]: unknown;
        };
        /** @description Bonus. The fields besides `kind` are not published (unconfirmed), so any are allowed. */
        BonusData: {
            /**
             * @description discriminator enum property added by openapi-typescript
             * @enum {string}
             */
            kind: "bonus";
        } & {
            [key: string]: unknown;
        };
        /**
         * @description State of a v3 transaction. Returned by `getTransactionStatus`; also used (unconfirmed) as the body of
         *     `createTransactionV3`.
         */
        TransactionStatus: {
            id: components["schemas"]["TransactionId"];
            park_id: components["schemas"]["ParkId"];
            contractor_profile_id: components["schemas"]["ContractorProfileId"];
            /**
             * @description Identifier of the event that created the transactions.
             * @example 9c8b7a6d5e4f40312a1b2c3d4e5f6a7b
             */
            event_id: string;
            /** @description Latest version of the transaction known to the service. */
            latest_version: components["schemas"]["TransactionVersion"];
            /** @description Latest version that was applied successfully; absent if none was. */
            latest_success_version?: components["schemas"]["TransactionVersion"];
            version_info?: components["schemas"]["TransactionVersionInfo"];
        };
        /** @description Details of the requested version. */
        TransactionVersionInfo: {
            version: components["schemas"]["TransactionVersion"];
            /** @description When this version was created. */
            created_at: components["schemas"]["DateTime"];
            /**
             * @description Processing status of the version: `in_progress` (not final yet, poll again), `success` (applied to the
             *     balance) or `fail` (rejected; see `status_description`).
             * @enum {string}
             */
            status: "in_progress" | "success" | "fail";
            /** @description Sum of this version. */
            amount: components["schemas"]["Amount"];
            /** @description Fee of this version, if any. */
            fee_amount?: components["schemas"]["Amount"];
            /** @description Human-readable explanation of the status, typically for `fail`. */
            status_description?: string;
        };
        /** @description Body of `listTransactionCategories`. */
        TransactionCategoriesListRequest: {
            query: {
                park: {
                    id: components["schemas"]["ParkId"];
                };
                /** @description Optional filter; every flag that is present must match. */
                category?: {
                    /** @description Whether the category is enabled (only partner categories can be disabled). */
                    is_enabled?: boolean;
                    /** @description Whether the park can edit the category (true for partner categories). */
                    is_editable?: boolean;
                    /** @description Whether transactions can be created in the category. */
                    is_creatable?: boolean;
                    /** @description Whether transactions of the category change the driver's balance. */
                    is_affecting_driver_balance?: boolean;
                };
            };
        };
        /** @description Result of `listTransactionCategories`. */
        TransactionCategoriesListResponse: {
            categories: components["schemas"]["TransactionCategory"][];
        };
        /** @description A transaction category of the park. */
        TransactionCategory: {
            id: components["schemas"]["CategoryId"];
            /**
             * @description Localized category name (see `Accept-Language`).
             * @example Recurring payments
             */
            name: string;
            /**
             * @description Identifier of the category group. Known values: `cash_collected`, `platform_card`, `platform_corporate`,
             *     `platform_promotion`, `platform_bonus`, `platform_tip`, `platform_fees`, `partner_fees`, `partner_other`,
             *     `platform_other`, `partner_rides`. Not enumerated because the list may grow.
             * @example partner_other
             */
            group_id: string;
            /**
             * @description Localized group name (see `Accept-Language`).
             * @example Other payments of the partner
             */
            group_name: string;
            /** @description Whether the category is enabled (false only for disabled partner categories). */
            is_enabled: boolean;
            /** @description Whether the park can edit the category (true for partner categories). */
            is_editable: boolean;
            /** @description Whether transactions can be created in the category (usable as v2 `category_id`). */
            is_creatable: boolean;
            /** @description Whether transactions of the category change the driver's balance. */
            is_affecting_driver_balance: boolean;
        };
        /** @description Error body returned with every non-2xx status. */
        Error: {
            /**
             * @description Machine-readable error code. The set of codes is not published.
             * @example bad_request
             */
            code?: string;
            /**
             * @description Human-readable error message.
             * @example Текстовое описание ошибки
             */
            message: string;
        };
    };
    responses: {
        /** @description Invalid request parameters (body, query or headers). */
        BadRequest: {
            headers: {
                [name: string]: unknown;
            };
            content: {
                "application/json": components["schemas"]["Error"];
            };
        };
        /** @description Authorization headers (`X-Client-ID`, `X-API-Key`) are missing or invalid. */
        Unauthorized: {
            headers: {
                [name: string]: unknown;
            };
            content: {
                "application/json": components["schemas"]["Error"];
            };
        };
        /** @description The API key lacks the rights for this park or method. */
        Forbidden: {
            headers: {
                [name: string]: unknown;
            };
            content: {
                "application/json": components["schemas"]["Error"];
            };
        };
        /** @description The transaction (or the requested version of it) was not found. */
        NotFound: {
            headers: {
                [name: string]: unknown;
            };
            content: {
                "application/json": components["schemas"]["Error"];
            };
        };
        /**
         * @description Change conflict: the `X-Idempotency-Token` was already used with a different body, or (v3) the `version`
         *     is not greater than the stored one. When exactly the service answers 409 is unconfirmed; the local mock
         *     answers it in exactly these two cases, with these codes (its choice).
         */
        Conflict: {
            headers: {
                [name: string]: unknown;
            };
            content: {
                "application/json": components["schemas"]["Error"];
            };
        };
        /**
         * @description Request limit exceeded. No numeric limit and no `Retry-After` header are published (unconfirmed); back off
         *     exponentially and retry.
         */
        TooManyRequests: {
            headers: {
                [name: string]: unknown;
            };
            content: {
                "application/json": components["schemas"]["Error"];
            };
        };
        /** @description Internal server error. Safe to retry create operations with the same `X-Idempotency-Token`. */
        InternalServerError: {
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
         * @description Language of localized texts such as category and group names, e.g. `ru` or `en`.
         * @example ru
         */
        AcceptLanguage: string;
        /**
         * @description Idempotency token of the request: 16–64 printable ASCII characters. Use a new token per logical
         *     transaction and the same token (with the same body) when retrying. The character-set regex is ours; the
         *     reference only says "printable ASCII characters".
         * @example c56fa6537e5a4adbbce6ef3593210fb9
         */
        IdempotencyToken: string;
    };
    requestBodies: never;
    headers: never;
    pathItems: never;
}
export type $defs = Record<string, never>;
export interface operations {
    createTransaction: {
        parameters: {
            query?: never;
            header: {
                /**
                 * @description Language of localized texts such as category and group names, e.g. `ru` or `en`.
                 * @example ru
                 */
                "Accept-Language"?: components["parameters"]["AcceptLanguage"];
                /**
                 * @description Idempotency token of the request: 16–64 printable ASCII characters. Use a new token per logical
                 *     transaction and the same token (with the same body) when retrying. The character-set regex is ours; the
                 *     reference only says "printable ASCII characters".
                 * @example c56fa6537e5a4adbbce6ef3593210fb9
                 */
                "X-Idempotency-Token": components["parameters"]["IdempotencyToken"];
            };
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["CreateTransactionRequest"];
            };
        };
        responses: {
            /** @description The transaction has been created. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Transaction"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            429: components["responses"]["TooManyRequests"];
            500: components["responses"]["InternalServerError"];
        };
    };
    createTransactionV3: {
        parameters: {
            query?: never;
            header: {
                /**
                 * @description Language of localized texts such as category and group names, e.g. `ru` or `en`.
                 * @example ru
                 */
                "Accept-Language"?: components["parameters"]["AcceptLanguage"];
                /**
                 * @description Idempotency token of the request: 16–64 printable ASCII characters. Use a new token per logical
                 *     transaction and the same token (with the same body) when retrying. The character-set regex is ours; the
                 *     reference only says "printable ASCII characters".
                 * @example c56fa6537e5a4adbbce6ef3593210fb9
                 */
                "X-Idempotency-Token": components["parameters"]["IdempotencyToken"];
            };
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["CreateTransactionV3Request"];
            };
        };
        responses: {
            /**
             * @description The transaction (version) has been accepted. The body is not published (unconfirmed); it is modelled as
             *     the `TransactionStatus` object of `getTransactionStatus`.
             */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["TransactionStatus"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            409: components["responses"]["Conflict"];
            429: components["responses"]["TooManyRequests"];
            500: components["responses"]["InternalServerError"];
        };
    };
    getTransactionStatus: {
        parameters: {
            query: {
                /**
                 * @description Partner (park) identifier.
                 * @example ee6f33c4562b4e1f8646d157bd70b2c4
                 */
                park_id: components["schemas"]["ParkId"];
                /**
                 * @description Contractor (driver or courier) profile identifier.
                 * @example 33de650c6a1a40bfa78dd981817da866
                 */
                contractor_profile_id: components["schemas"]["ContractorProfileId"];
                /**
                 * @description Transaction identifier.
                 * @example a3f1c2d4e5b64789a0b1c2d3e4f5a6b7
                 */
                id: components["schemas"]["TransactionId"];
                /**
                 * @description Version of the transaction to report on.
                 * @example 1
                 */
                version: components["schemas"]["TransactionVersion"];
            };
            header?: {
                /**
                 * @description Language of localized texts such as category and group names, e.g. `ru` or `en`.
                 * @example ru
                 */
                "Accept-Language"?: components["parameters"]["AcceptLanguage"];
            };
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Status of the requested transaction version. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["TransactionStatus"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            429: components["responses"]["TooManyRequests"];
            500: components["responses"]["InternalServerError"];
        };
    };
    listTransactionCategories: {
        parameters: {
            query?: never;
            header?: {
                /**
                 * @description Language of localized texts such as category and group names, e.g. `ru` or `en`.
                 * @example ru
                 */
                "Accept-Language"?: components["parameters"]["AcceptLanguage"];
            };
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["TransactionCategoriesListRequest"];
            };
        };
        responses: {
            /** @description Categories matching the query. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["TransactionCategoriesListResponse"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            429: components["responses"]["TooManyRequests"];
            500: components["responses"]["InternalServerError"];
        };
    };
}
