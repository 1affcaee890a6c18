// Generated from specs/dilovod.yaml by `npm run generate`. Do not edit by hand.

export interface paths {
    "/": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Call an API action (the packet gateway)
         * @description Sends one packet. The form field `packet` holds the JSON text of a `Packet`; its `action` selects the method
         *     and `params` its arguments (see the `Packet` variants). The credential is the packet's `key` — it cannot be
         *     described as an OpenAPI security scheme, hence `security: []`.
         *
         *     **Errors come in HTTP `200`** — `{"error": "…"}` (`ApiError`) for the universal actions and
         *     `{"status": "error", …}` (`CallError`) for `call`; always check the body. Do not send concurrent requests:
         *     the API does not support them.
         *
         *     The request examples follow the official page, one per documented example (typos corrected); the response
         *     examples are named after the action they answer.
         */
        post: operations["callGateway"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
}
export interface webhooks {
    objectChanged: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * An object of a watched type was changed (webhook)
         * @description Dilovod sends this **GET** to the URL set in the API node (`webHookUrl`) when a user changes an object whose
         *     type is listed in the node's «Імена об'єктів метаданих» (`webHookObjects`, e.g.
         *     `catalogs.goods,documents.saleInvoice`). The query parameter `packet` carries the JSON
         *     `{"action":"objectChanged","params":{"objectName":"documents.saleOrder","id":"1109100000001038"}}`; fetch the
         *     object with `getObject` to see what changed.
         *
         *     * Sent **only from `88.198.50.253`** — there is no signature or secret, so check the source address and
         *       answer `403` to anything else.
         *     * Only **interactive** changes by users produce webhooks; changes made through the API do not.
         *     * After configuring, re-save the API node and have users log out and in again.
         *     * The answer Dilovod expects and whether it retries are **unconfirmed**; answer `200` quickly and do the
         *       work (the `getObject` call) afterwards — remember the API refuses concurrent calls.
         */
        get: operations["receiveObjectChanged"];
        put?: never;
        post?: never;
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
         * @description The JSON packet sent in the form field `packet`. `action` selects the variant; each variant has the same
         *     envelope — `version` (required), `key` (required, the credential), `clientID` (optional) — and its own
         *     `params`. Variants are closed (`additionalProperties: false`).
         */
        Packet: components["schemas"]["GetObjectPacket"] | components["schemas"]["SaveObjectPacket"] | components["schemas"]["SetDelMarkPacket"] | components["schemas"]["RequestPacket"] | components["schemas"]["CallPacket"] | components["schemas"]["GetStatisticPacket"] | components["schemas"]["ListMetadataPacket"] | components["schemas"]["GetMetadataPacket"];
        /**
         * @description API version. The official examples send `0.2` (one sends `0.15`); the public SDK defaults to `0.25`. The set
         *     of accepted versions is not published (unconfirmed). In `0.1`, `saveObject` returned `ok` instead of the id.
         * @example 0.2
         * @example 0.25
         */
        ApiVersion: string;
        /**
         * @description Access key of the API node (Сервіс → Підключення до API Dilovod) — **the credential**, sent in every packet.
         *     What it may read or write is set by the node's role; a wrong key gives `{"error":"bad key"}`.
         * @example xxxxxxxxxxxxxxxx
         */
        ApiKey: string;
        /**
         * @description Optional id of the client application, for the usage statistics of a partner integration (see
         *     `getStatistic`). Chosen by the developer.
         * @example my-shop-integration
         */
        ClientID: string;
        /** @description `getObject` — read one catalog entry, document or register record with all fields and table parts. */
        GetObjectPacket: {
            version: components["schemas"]["ApiVersion"];
            key: components["schemas"]["ApiKey"];
            clientID?: components["schemas"]["ClientID"];
            /**
             * @description discriminator enum property added by openapi-typescript
             * @enum {string}
             */
            action: "getObject";
            params: components["schemas"]["GetObjectParams"];
        };
        GetObjectParams: {
            id: components["schemas"]["ObjectRef"];
        };
        /**
         * @description `saveObject` — create or overwrite one catalog entry, document or information register record. Returns the
         *     object's id (`SaveObjectResult`).
         */
        SaveObjectPacket: {
            version: components["schemas"]["ApiVersion"];
            key: components["schemas"]["ApiKey"];
            clientID?: components["schemas"]["ClientID"];
            /**
             * @description discriminator enum property added by openapi-typescript
             * @enum {string}
             */
            action: "saveObject";
            params: components["schemas"]["SaveObjectParams"];
        };
        SaveObjectParams: {
            saveType?: components["schemas"]["SaveType"];
            header: components["schemas"]["SaveObjectHeader"];
            tableParts?: components["schemas"]["TableParts"];
        };
        /**
         * @description Save mode, for documents only (optional, default `0`):
         *     `0` SAVE — save without posting (only for unposted documents);
         *     `1` REGISTER — save and post (re-post);
         *     `2` UNREGISTER — save and cancel the posting.
         * @default 0
         * @enum {integer}
         */
        SaveType: 0 | 1 | 2;
        /**
         * @description Header fields of the object, keyed by field name (see the Developer tool of the object type). `id` is
         *     required: the **type name** (e.g. `catalogs.goods`) to create a new object, or the **object id** to overwrite
         *     an existing one. On create, fields not sent stay empty or get the database's defaults; on overwrite, fields
         *     not sent are left unchanged. Links may be sent as ids (string or number); multi-language fields as
         *     `{"uk": …, "ru": …}`; dates as `YYYY-MM-DD HH:MM:SS`. Contact details of a person go into `details` (a JSON
         *     text; its structure is shown in the Developer tool) and are copied into `phone`, `email`.
         */
        SaveObjectHeader: {
            /** @description Type name (create) or object id (overwrite). */
            id: components["schemas"]["MetadataName"] | components["schemas"]["ObjectRef"];
        } & {
            [key: string]: unknown;
        };
        /**
         * @description Table parts of the object, keyed by table-part name (e.g. `tpGoods`); each is an array of rows keyed by field
         *     name (`rowNum`, `good`, `qty`, …). The fields depend on the object type.
         */
        TableParts: {
            [key: string]: components["schemas"]["TablePartRow"][];
        };
        /** @description One table-part row; fields depend on the object type. */
        TablePartRow: {
            [key: string]: unknown;
        };
        /**
         * @description `setDelMark` — mark a catalog entry or document for deletion. A posted document's postings are cancelled; a
         *     catalog group marks all its children too. Afterwards `getObject` shows `header.delMark` `"1"`.
         */
        SetDelMarkPacket: {
            version: components["schemas"]["ApiVersion"];
            key: components["schemas"]["ApiKey"];
            clientID?: components["schemas"]["ClientID"];
            /**
             * @description discriminator enum property added by openapi-typescript
             * @enum {string}
             */
            action: "setDelMark";
            params: components["schemas"]["SetDelMarkParams"];
        };
        /** @description The id goes in `header.id` (the official example and the SDK). */
        SetDelMarkParams: {
            header: {
                id: components["schemas"]["ObjectRef"];
            };
        };
        /**
         * @description `request` — query data: a direct query of one table (an object type or a table part), or an aggregate of a
         *     register (balance on a date, turnover for a period, both, or the last slice of an information register).
         *     Which query types each family supports:
         *
         *     | Family | direct | `sliceLast` | `balance` | `turnover` | `balanceAndTurnover` |
         *     |---|---|---|---|---|---|
         *     | `catalogs.*` | ✓ | | | | |
         *     | `documents.*` | ✓ | | | | |
         *     | `informationRegisters.*` | ✓ | ✓ | | | |
         *     | `accumulationRegisters.*` | ✓ | | (✓) | ✓ | ✓ |
         *     | `balanceRegisters.*` | ✓ | | ✓ | ✓ | ✓ |
         */
        RequestPacket: {
            version: components["schemas"]["ApiVersion"];
            key: components["schemas"]["ApiKey"];
            clientID?: components["schemas"]["ClientID"];
            /**
             * @description discriminator enum property added by openapi-typescript
             * @enum {string}
             */
            action: "request";
            params: components["schemas"]["RequestParams"];
        };
        RequestParams: {
            /**
             * @description Data source: the name of an object type or of its table part (direct query, e.g. `catalogs.goods`,
             *     `catalogs.goods.tpGoods`), or a register query object (`RegisterQuery`).
             */
            from: components["schemas"]["DataSourceName"] | components["schemas"]["RegisterQuery"];
            fields: components["schemas"]["RequestFields"];
            dimensions?: components["schemas"]["Dimensions"];
            /**
             * @description Conditions (SQL `WHERE`), joined by logical AND. Optional. Every alias used here must be declared in
             *     `fields`.
             */
            filters?: components["schemas"]["Filter"][];
            limit?: components["schemas"]["Limit"];
            /**
             * @description Return text fields in every language: multi-language fields come back as `<alias>__<language code>`
             *     (e.g. `name__uk`, `name__ru`). Optional, default `false`.
             */
            multilang?: boolean;
            /**
             * @description `false` speeds the query up: links come back as ids only (no display texts) and the answer becomes
             *     `{columns, data}` (`RequestTable`) instead of an array of rows. Optional, default `true`.
             */
            assembleLinks?: boolean;
        };
        /**
         * @description Fields to return: a map of data path → alias. A data path is a field name of the source or a dotted path to
         *     fields of linked objects (`parent.parent.name`). Aliases name the result columns and are used by `filters`.
         *     In register queries only dimensions, their fields and resources may be used (not register attributes).
         * @example {
         *       "id": "good",
         *       "code": "code",
         *       "parent.code": "parentCode"
         *     }
         */
        RequestFields: {
            [key: string]: string;
        };
        /**
         * @description Dimensions to group (aggregate) register resources by (SQL `GROUP BY`). Optional. The examples put it in
         *     `from`; the parameter table also lists it at the top of `params` (accepted there: unconfirmed).
         * @example [
         *       "good",
         *       "firm",
         *       "storage"
         *     ]
         */
        Dimensions: string[];
        /**
         * @description Name of an object type, optionally followed by a table part: `catalogs.goods`, `catalogs.goods.tpGoods`.
         * @example catalogs.persons
         * @example catalogs.goods.tpGoods
         */
        DataSourceName: string;
        /** @description Aggregate query of a register, selected by `type`. */
        RegisterQuery: components["schemas"]["BalanceQuery"] | components["schemas"]["TurnoverQuery"] | components["schemas"]["BalanceAndTurnoverQuery"] | components["schemas"]["SliceLastQuery"];
        /**
         * @description Register name without the family prefix, e.g. `goods`, `saleIncomes`, `buyers`, `goodsPrices`.
         * @example goods
         */
        RegisterName: string;
        /**
         * @description Balance of a resource on a date (`accumulationRegisters`, `balanceRegisters`), e.g. stock, debts, cash.
         *     `date` is omitted in the official `assembleLinks` example, presumably giving the current balance
         *     (unconfirmed).
         */
        BalanceQuery: {
            /**
             * @description discriminator enum property added by openapi-typescript
             * @enum {string}
             */
            type: "balance";
            register: components["schemas"]["RegisterName"];
            date?: components["schemas"]["DateTime"];
            dimensions?: components["schemas"]["Dimensions"];
        };
        /** @description Turnover of a resource for a period (`accumulationRegisters`, `balanceRegisters`), e.g. sales, receipts. */
        TurnoverQuery: {
            /**
             * @description discriminator enum property added by openapi-typescript
             * @enum {string}
             */
            type: "turnover";
            register: components["schemas"]["RegisterName"];
            startDate: components["schemas"]["DateTime"];
            endDate: components["schemas"]["DateTime"];
            dimensions?: components["schemas"]["Dimensions"];
        };
        /**
         * @description Opening balance, turnover and closing balance for a period. Each physical resource (e.g. `qty`) is replaced
         *     by the virtual resources `qtyStart`, `qtyReceipt`, `qtyExpense`, `qtyFinal`.
         */
        BalanceAndTurnoverQuery: {
            /**
             * @description discriminator enum property added by openapi-typescript
             * @enum {string}
             */
            type: "balanceAndTurnover";
            register: components["schemas"]["RegisterName"];
            startDate: components["schemas"]["DateTime"];
            endDate: components["schemas"]["DateTime"];
            dimensions?: components["schemas"]["Dimensions"];
        };
        /**
         * @description The latest values of a periodic information register on a date (prices, currency rates, tax rates).
         *     Whether `date` may be omitted (current values) is unconfirmed.
         */
        SliceLastQuery: {
            /**
             * @description discriminator enum property added by openapi-typescript
             * @enum {string}
             */
            type: "sliceLast";
            register: components["schemas"]["RegisterName"];
            date?: components["schemas"]["DateTime"];
            dimensions?: components["schemas"]["Dimensions"];
        };
        /** @description One condition `<alias> <operator> <value>`; the alias must be declared in `fields`. */
        Filter: {
            /** @description Alias of a field from `fields`. */
            alias: string;
            operator: components["schemas"]["FilterOperator"];
            value: components["schemas"]["FilterValue"];
        };
        /**
         * @description Comparison: `=` equal, `!=` not equal, `>` greater, `>=` greater or equal, `<` less, `<=` less or equal,
         *     `%` contains the string, `!%` does not contain, `IL` in the list of values (value is an array).
         *
         *     Catalogs only (hierarchy): `IH` in the hierarchy (inside the folder, subfolders included), `!IH` not in the
         *     hierarchy, `ILH` in the hierarchy of a list of folders (value is an array), `!ILH` not in it, `IPL` in the
         *     list of parent groups (selects the parent groups of a catalog entry).
         * @enum {string}
         */
        FilterOperator: "=" | "!=" | ">" | ">=" | "<" | "<=" | "%" | "!%" | "IL" | "IH" | "!IH" | "ILH" | "!ILH" | "IPL";
        /** @description The value to compare with; an array for the list operators (`IL`, `ILH`, `!ILH`). */
        FilterValue: string | number | boolean | (string | number)[];
        /** @description Number of rows to return (SQL `LIMIT`), or a page `{offset, count}`. Optional. */
        Limit: number | {
            /** @description Rows to skip. */
            offset: number;
            /** @description Rows to return. */
            count: number;
        };
        /**
         * @description `call` — specialised methods: simpler and faster than the universal actions for typical integrations.
         *     `params` is `{method, arguments}`; the documented method is `saleOrderCreate`. Answers `CallSuccess` or
         *     `CallError` (both in HTTP `200`).
         */
        CallPacket: {
            version: components["schemas"]["ApiVersion"];
            key: components["schemas"]["ApiKey"];
            clientID?: components["schemas"]["ClientID"];
            /**
             * @description discriminator enum property added by openapi-typescript
             * @enum {string}
             */
            action: "call";
            params: components["schemas"]["CallParams"];
        };
        /** @description The specialised method and its arguments, selected by `method`. Only `saleOrderCreate` is documented. */
        CallParams: components["schemas"]["SaleOrderCreateCall"];
        /** @description `saleOrderCreate` — create a customer order (documents.saleOrder), optionally with a Nova Poshta waybill. */
        SaleOrderCreateCall: {
            /**
             * @description discriminator enum property added by openapi-typescript
             * @enum {string}
             */
            method: "saleOrderCreate";
            arguments: components["schemas"]["SaleOrderCreateArguments"];
        };
        /**
         * @description Arguments of `saleOrderCreate`. With `deliveryData` (a Nova Poshta waybill), `header.deliveryMethod` is
         *     required: the seed says so for creating a waybill ("для створення ТТН метод доставки обов'язково повинен
         *     бути вказаний"); it is applied to both `deliveryData` forms, since Dilovod creates its waybill document in
         *     both (our reading).
         */
        SaleOrderCreateArguments: {
            header: components["schemas"]["SaleOrderHeader"];
            /** @description The Goods table part (товари). The SDK's tests show the API also accepts an empty list. */
            goods: components["schemas"]["SaleOrderGood"][];
            deliveryData?: components["schemas"]["DeliveryData"];
            /** @description Placement (reservation) options. Not on the official page — from the public SDK (unconfirmed). */
            placement?: {
                /** @description Place (reserve) the goods automatically. */
                autoPlacement?: boolean;
            };
        };
        /**
         * @description Order header. Every field is optional; "auto" means the database's setting or default. Links are ids of the
         *     catalog named in each field.
         */
        SaleOrderHeader: {
            /** @description Order date. Default the current date. */
            date?: components["schemas"]["DateTime"];
            /** @description Document number. Default automatic. */
            number?: string;
            /** @description Order name (`ru`, `uk`, at most 80 characters each; `multiLangVarchar (80)`). Default automatic. */
            presentation?: components["schemas"]["MultiLangString"] & ({
                uk?: string;
                ru?: string;
            } & {
                [key: string]: string;
            });
            /** @description The order name was changed by the user. Default empty. */
            userPresentation?: components["schemas"]["Flag"];
            /** @description Posted. Default `false`. */
            posted?: components["schemas"]["Flag"];
            /** @description Firm (organisation), `catalogs.firms`. Default auto. */
            firm?: components["schemas"]["ObjectRef"];
            /** @description Line of business, `catalogs.businesses`. Default auto. */
            business?: components["schemas"]["ObjectRef"];
            /** @description Storage place — `catalogs.storages`, `catalogs.employees` or `catalogs.persons`. Default auto. */
            storage?: components["schemas"]["ObjectRef"];
            /** @description Buyer, `catalogs.persons`. Default the "end consumer" (Кінцевий споживач). */
            person?: components["schemas"]["ObjectRef"];
            /** @description Manager, `catalogs.employees`. Default empty. */
            manager?: components["schemas"]["ObjectRef"];
            /** @description Department, `catalogs.departments`. Default auto. */
            department?: components["schemas"]["ObjectRef"];
            /** @description Buyer's contact details; shown in the order when the buyer is the "end consumer". Default empty. */
            details?: string;
            /** @description Order currency, `catalogs.currency`. Default auto. */
            currency?: components["schemas"]["ObjectRef"];
            /** @description Payment form, `catalogs.paymentForms`. Default auto. */
            paymentForm?: components["schemas"]["ObjectRef"];
            /** @description Price category, `catalogs.priceTypes`. Default auto. */
            priceType?: components["schemas"]["ObjectRef"];
            /** @description Order status, `catalogs.states`. Default "New". */
            state?: components["schemas"]["ObjectRef"];
            /** @description Delivery point, `catalogs.deliveryPoints`. Default empty. */
            deliveryPoint?: components["schemas"]["ObjectRef"];
            /** @description Bank account, `catalogs.cashAccounts`. Default auto. */
            cashAccount?: components["schemas"]["ObjectRef"];
            /** @description Sales channel, `catalogs.tradeChanels` (sic). Default empty. */
            tradeChanel?: components["schemas"]["ObjectRef"];
            /** @description Internal note. Default empty. */
            remark?: string;
            /** @description Note from the buyer. Default empty. */
            remarkFromPerson?: string;
            /** @description Note for the buyer. Default empty. */
            remarkForPerson?: string;
            /**
             * @description Preferred delivery method, `catalogs.deliveryMethods`. Default pickup (самовивіз). **Required when a
             *     waybill is created** (`deliveryData`).
             */
            deliveryMethod?: components["schemas"]["ObjectRef"];
            /** @description Delivery note. Default empty. */
            deliveryRemark?: string;
            /** @description Included in tax accounting. Default auto. */
            taxAccount?: components["schemas"]["Flag"];
            /** @description Taxes are included in the price. Default `true`. */
            taxIncluded?: components["schemas"]["Flag"];
            /** @description Contract, `catalogs.contracts`. Default empty. */
            contract?: components["schemas"]["ObjectRef"];
            /** @description Contact person, `catalogs.contacts`. Default empty. */
            contact?: components["schemas"]["ObjectRef"];
            /** @description Currency rate, decimal (9:4). Default auto. */
            rate?: components["schemas"]["Decimal9x4"];
            /**
             * @description Additional discount, percent. Default `0`. (The official table gives its type as `catalogs.contacts`,
             *     evidently a copy error; the SDK sends a number.)
             */
            discountPercent?: components["schemas"]["Decimal"];
            /** @description Supply date. Default empty. */
            supplyDate?: components["schemas"]["DateTime"];
            /** @description Reserved until. Default empty. */
            reserveDate?: components["schemas"]["DateTime"];
            /** @description Pay before. Default empty. */
            payBefore?: components["schemas"]["DateTime"];
        };
        /** @description One row of the Goods table part. `good` or `productNum` is required (one of them); `qty` is required. */
        SaleOrderGood: {
            /** @description Good or service, `catalogs.goods`. Required unless `productNum` is given. */
            good?: components["schemas"]["ObjectRef"];
            /** @description Article (SKU) of the good. Required unless `good` is given. */
            productNum?: string;
            /** @description Price, decimal (14:5). Default `0`. */
            price?: components["schemas"]["Decimal14x5"];
            /** @description Quantity, decimal (12:3). Required. */
            qty: components["schemas"]["Decimal12x3"];
            /** @description Unit of measure, `catalogs.units`. Default auto. */
            unit?: components["schemas"]["ObjectRef"];
            /** @description Discount amount, decimal (11:2). Default `0`. */
            discount?: components["schemas"]["Decimal11x2"];
            /** @description Note. Default empty. */
            remark?: string;
            /** @description VAT rate, `catalogs.taxes`. Default auto. */
            vatTax?: components["schemas"]["ObjectRef"];
            /** @description VAT amount, decimal (11:2). Default auto. */
            vatAmount?: components["schemas"]["Decimal11x2"];
        } & (unknown | unknown);
        /**
         * @description Nova Poshta waybill (ТТН) for the order; its structure depends on the delivery service type set in the
         *     delivery method (`header.deliveryMethod` is then required). The official page tabulates two forms for Nova
         *     Poshta: link a waybill that already exists in the Nova Poshta account (`NovaPoshtaExistingWaybill`), or have
         *     it created there when the order is loaded (`NovaPoshtaNewWaybill`). Both need the Nova Poshta integration
         *     configured in Dilovod.
         */
        DeliveryData: components["schemas"]["NovaPoshtaExistingWaybill"] | components["schemas"]["NovaPoshtaNewWaybill"];
        /**
         * @description A waybill already created in the Nova Poshta account: Dilovod creates the waybill document and synchronises
         *     its data when it is first opened. The page does not say which of the two fields is required (unconfirmed);
         *     send both.
         */
        NovaPoshtaExistingWaybill: {
            /** @description Nova Poshta id of the waybill (express invoice). */
            Ref?: string;
            /** @description Number of the waybill. */
            IntDocNumber?: string;
        };
        /**
         * @description Create the waybill in the Nova Poshta account when the order is loaded. Fields not sent are taken from the
         *     delivery method's settings (sender fields) or are empty (recipient fields). Values follow the Nova Poshta API
         *     (ids are Nova Poshta refs). `VolumeGeneral` is required unless `OptionsSeat` is sent (the seed's table,
         *     although it also says the default comes from the settings: the table's rule is followed).
         */
        NovaPoshtaNewWaybill: {
            /**
             * @description Who pays for delivery. Default from settings.
             * @enum {string}
             */
            PayerType?: "Sender" | "Recipient" | "ThirdPerson";
            /**
             * @description Payment method. Default from settings.
             * @enum {string}
             */
            PaymentMethod?: "Cash" | "NonCash";
            /**
             * @description Cargo type (the page names `Cargo` and `Documents`). Default from settings.
             * @enum {string}
             */
            CargoType?: "Cargo" | "Documents";
            /** @description Total volume, m³, at least `0.0004`. Required unless `OptionsSeat` is given. */
            VolumeGeneral?: string | number;
            /** @description Actual weight, kg, at least `0.1`. Default from settings. */
            Weight?: string | number;
            /**
             * @description Delivery technology. Default from settings.
             * @enum {string}
             */
            ServiceType?: "DoorsDoors" | "DoorsWarehouse" | "WarehouseWarehouse" | "WarehouseDoors";
            /** @description Number of seats (places), a whole number. Default from settings. */
            SeatsAmount?: components["schemas"]["NovaPoshtaWholeNumber"];
            /** @description Description of the shipment. Default from settings. */
            Description?: string;
            /**
             * @description Declared value, a whole number (when omitted the API sets the minimum, 300.01 — not itself a whole
             *     number, but that is what the seed says). Default from settings.
             */
            Cost?: components["schemas"]["NovaPoshtaWholeNumber"];
            /** @description Sender's city ref. Default from settings. */
            CitySender?: string;
            /** @description Sender ref. Default from settings. */
            Sender?: string;
            /** @description Sender's address ref. Default from settings. */
            SenderAddress?: string;
            /** @description Sender's contact person ref. Default from settings. */
            ContactSender?: string;
            /** @description Sender's phone: `+380660000000`, `380660000000` or `0660000001`. Default from settings. */
            SendersPhone?: string;
            /** @description Recipient's city ref. */
            CityRecipient?: string;
            /** @description Recipient ref. */
            Recipient?: string;
            /** @description Recipient's address (warehouse) ref, or a parcel locker ref. */
            RecipientAddress?: string;
            /** @description Recipient's contact person ref. */
            ContactRecipient?: string;
            /** @description Recipient's phone: `+380660000000`, `380660000000` or `0660000001`. */
            RecipientsPhone?: string;
            /** @description Additional information about the shipment. */
            AdditionalInformation?: string;
            /**
             * @description Return shipments (e.g. cash on delivery), structured as in the Nova Poshta API. Dilovod supports the
             *     cargo types `Money` and `Documents`. The seed's table types it `Array<Object>` while its example value
             *     is a JSON text of that array: both are accepted (a JSON text is checked only for looking like an array);
             *     the client's typed `saleOrderCreate` sends an array.
             */
            BackwardDeliveryData?: components["schemas"]["NovaPoshtaBackwardDelivery"][] | components["schemas"]["JsonArrayText"];
            /**
             * @description Parameters of each seat. Volumetric weight = length × width × height / 4000, compared with the actual
             *     weight; the larger is used for the price. Like `BackwardDeliveryData`, an array (the table; what the
             *     client sends) or the JSON text of one (the seed's example value).
             */
            OptionsSeat?: components["schemas"]["NovaPoshtaSeat"][] | components["schemas"]["JsonArrayText"];
        } & ({
            /** @description Given. */
            VolumeGeneral: unknown;
        } | {
            /** @description Given. */
            OptionsSeat: unknown;
        });
        /** @description A number sent as in the Nova Poshta API — a numeric string (`varchar(36)` on the page) or a number. */
        NovaPoshtaNumber: string | number;
        /** @description A whole number, as a numeric string (`varchar(36)` on the page) or a JSON integer. */
        NovaPoshtaWholeNumber: string | number;
        /**
         * @description The JSON text of an array (as the seed's example values write `BackwardDeliveryData` and `OptionsSeat`). Only
         *     its outer shape is checked: JSON Schema cannot validate inside a string.
         * @example [{"PayerType":"Recipient","CargoType":"Money","RedeliveryString":"4552"}]
         */
        JsonArrayText: string;
        /** @description One return shipment (Nova Poshta `BackwardDeliveryData` item); further Nova Poshta fields are passed on. */
        NovaPoshtaBackwardDelivery: {
            /**
             * @description Who pays for the return shipment.
             * @enum {string}
             */
            PayerType: "Sender" | "Recipient";
            /**
             * @description What is returned (Dilovod supports these two).
             * @enum {string}
             */
            CargoType: "Money" | "Documents";
            /** @description Amount of money (or description of documents) to return. */
            RedeliveryString?: string;
        } & {
            [key: string]: unknown;
        };
        /** @description Dimensions of one seat (Nova Poshta `OptionsSeat` item); values as numeric strings. */
        NovaPoshtaSeat: {
            /** @description Volume, m³. */
            volumetricVolume?: components["schemas"]["NovaPoshtaNumber"];
            /** @description Width, cm. */
            volumetricWidth?: components["schemas"]["NovaPoshtaNumber"];
            /** @description Length, cm. */
            volumetricLength?: components["schemas"]["NovaPoshtaNumber"];
            /** @description Height, cm. */
            volumetricHeight?: components["schemas"]["NovaPoshtaNumber"];
            /** @description Weight, kg. */
            weight?: components["schemas"]["NovaPoshtaNumber"];
        };
        /** @description `getStatistic` — usage statistics of a partner integration (requests per day, method and client). */
        GetStatisticPacket: {
            version: components["schemas"]["ApiVersion"];
            key: components["schemas"]["ApiKey"];
            clientID?: components["schemas"]["ClientID"];
            /**
             * @description discriminator enum property added by openapi-typescript
             * @enum {string}
             */
            action: "getStatistic";
            params: components["schemas"]["GetStatisticParams"];
        };
        /** @description Every parameter has a default ("auto"); the SDK author could not verify this action. */
        GetStatisticParams: {
            /**
             * @description Kind of statistics. Default `partnersIntegrations`.
             * @enum {string}
             */
            type?: "partnersIntegrations";
            /** @description Start of the period. Default auto. */
            dateFrom?: components["schemas"]["DateTime"];
            /** @description End of the period. Default auto. */
            dateTo?: components["schemas"]["DateTime"];
            /** @description Access key of the partner cabinet's data (issued by Dilovod). Default auto. */
            partnerAPIkey?: string;
        };
        /**
         * @description `listMetadata` — list the object types of the database. **Not on the official page**: from the public PHP SDK,
         *     whose integration tests call it against the live API (unconfirmed).
         */
        ListMetadataPacket: {
            version: components["schemas"]["ApiVersion"];
            key: components["schemas"]["ApiKey"];
            clientID?: components["schemas"]["ClientID"];
            /**
             * @description discriminator enum property added by openapi-typescript
             * @enum {string}
             */
            action: "listMetadata";
            /** @description Parameters as the SDK sends them; other parameters are not known, so none are forbidden. */
            params: {
                lang?: components["schemas"]["Language"];
            };
        };
        /**
         * @description `getMetadata` — describe one object type (its fields). **Not on the official page**: from the public PHP SDK,
         *     whose integration tests call it against the live API (unconfirmed). Identify the type by `objectName` or by
         *     `objectId` (an id of any object of that type).
         */
        GetMetadataPacket: {
            version: components["schemas"]["ApiVersion"];
            key: components["schemas"]["ApiKey"];
            clientID?: components["schemas"]["ClientID"];
            /**
             * @description discriminator enum property added by openapi-typescript
             * @enum {string}
             */
            action: "getMetadata";
            /** @description Parameters as the SDK sends them; other parameters are not known, so none are forbidden. */
            params: {
                objectName?: components["schemas"]["MetadataName"];
                objectId?: components["schemas"]["ObjectRef"];
                lang?: components["schemas"]["Language"];
            };
        };
        /**
         * @description Interface language of the texts returned.
         * @enum {string}
         */
        Language: "uk" | "ru";
        /**
         * @description Object id (link) as returned: 16 digits, the first 5 the same for every object of one type (e.g. `11003`
         *     goods, `11001` persons), the last 11 unique within the type.
         * @example 1110800000001029
         */
        ObjectId: string;
        /**
         * @description Object id as a request may send it: the 16-digit string, or the same number as a JSON number (the official
         *     examples use both; every id fits in a double exactly).
         */
        ObjectRef: components["schemas"]["ObjectId"] | number;
        /**
         * @description Name of an object type (metadata object): `<family>.<name>`, e.g. `catalogs.goods`, `documents.saleOrder`.
         * @example catalogs.goods
         * @example documents.saleOrder
         */
        MetadataName: string;
        /**
         * @description Date and time `YYYY-MM-DD HH:MM:SS` (no time zone; Kyiv time presumably, unconfirmed).
         * @example 2022-09-07 12:09:29
         */
        DateTime: string;
        /**
         * @description Multi-language string (`multiLangVarchar`): text per language code, e.g. `{"uk": "Рядок", "ru": "Строка"}`.
         * @example {
         *       "uk": "Рядок",
         *       "ru": "Строка"
         *     }
         */
        MultiLangString: {
            /** @description Ukrainian text. */
            uk?: string;
            /** @description Russian text. */
            ru?: string;
        } & {
            [key: string]: string;
        };
        /** @description Boolean: `1` / `0` (responses give `"1"` / `"0"`); JSON `true` / `false` are sent by clients too. */
        Flag: boolean | (0 | 1) | ("0" | "1");
        /** @description Number; requests send JSON numbers, responses return numbers as strings (e.g. `"9968.000"`). */
        Decimal: number | string;
        /**
         * @description `decimal (9:4)`: at most 5 digits before the point and 4 after. A decimal string is checked in full; for a
         *     JSON number only the digits before the point are (`multipleOf` is unreliable on binary fractions, e.g.
         *     19.99 is not a multiple of 0.01 in floating point), so the number of decimals is the sender's to keep.
         */
        Decimal9x4: number | string;
        /** @description `decimal (14:5)`: at most 9 digits before the point and 5 after (checked as for `Decimal9x4`). */
        Decimal14x5: number | string;
        /** @description `decimal (12:3)`: at most 9 digits before the point and 3 after (checked as for `Decimal9x4`). */
        Decimal12x3: number | string;
        /** @description `decimal (11:2)`: at most 9 digits before the point and 2 after (checked as for `Decimal9x4`). */
        Decimal11x2: number | string;
        /**
         * @description Body of every HTTP `200`: the result of the packet's action, or an error. Which success shape applies follows
         *     from the request (`action`, and `assembleLinks` for `request`); errors are recognised by `error`
         *     (`ApiError`) or `status: "error"` (`CallError`). Modelled as `anyOf` because the shapes overlap
         *     (two arrays of objects, open objects).
         */
        GatewayResultBody: components["schemas"]["GetObjectResult"] | components["schemas"]["SaveObjectResult"] | components["schemas"]["SetDelMarkResult"] | components["schemas"]["RequestRows"] | components["schemas"]["RequestTable"] | components["schemas"]["CallSuccess"] | components["schemas"]["StatisticRows"] | components["schemas"]["MetadataList"] | components["schemas"]["MetadataDescription"] | components["schemas"]["ApiError"] | components["schemas"]["CallError"];
        /** @description A link as `getObject` returns it (links assembled): the id and its display text (`pr`). */
        LinkValue: {
            /**
             * @description Id of the linked object (`"0"` for an empty link, unconfirmed).
             * @example 1100400000001002
             */
            id: string;
            /**
             * @description Display text (presentation) of the linked object.
             * @example ТОВ «Ромашка»
             */
            pr?: string;
        };
        /**
         * @description Result of `getObject` (shape from the public SDK's tests; unconfirmed). `header` holds every header field:
         *     links as `LinkValue` (`header.id` too), multi-language fields as `MultiLangString`, numbers and flags as
         *     strings (`delMark` `"0"` / `"1"`). `tableParts` (documents and some catalogs, e.g. goods) holds the rows
         *     per table part. `misc` is `false` or an object.
         */
        GetObjectResult: {
            /** @description Header fields keyed by field name; which fields exist depends on the object type. */
            header: {
                id?: components["schemas"]["LinkValue"];
                /**
                 * @description Marked for deletion (`"1"`).
                 * @enum {string}
                 */
                delMark?: "0" | "1";
            } & {
                [key: string]: unknown;
            };
            /** @description Table parts keyed by name (e.g. `tpGoods`), each an array of rows. */
            tableParts?: {
                [key: string]: components["schemas"]["TablePartRow"][];
            };
            /** @description Additional data; `false` when there is none (contents unconfirmed). */
            misc?: boolean | {
                [key: string]: unknown;
            };
        };
        /**
         * @description Result of `saveObject`: the id of the saved object (a new id on create, the same id on overwrite). The
         *     official page says "the object's id"; the `{result, id}` shape comes from the public SDK (unconfirmed). API
         *     version `0.1` answered `ok` instead.
         */
        SaveObjectResult: {
            /**
             * @description `ok` on success.
             * @example ok
             */
            result?: string;
            id: components["schemas"]["ObjectId"];
        };
        /**
         * @description Result of `setDelMark` — **unconfirmed**: the SDK expects the bare JSON string `"ok"` and ignores the answer;
         *     an object is allowed too. Check `getObject`'s `header.delMark` if it matters.
         */
        SetDelMarkResult: string | {
            [key: string]: unknown;
        };
        /**
         * @description One row of a `request` answer, keyed by the aliases of `fields`. Values are strings (numbers as strings,
         *     ids as 16-digit strings). Each link column `<alias>` has a companion `<alias>__pr` with its display text;
         *     with `multilang: true` multi-language columns come as `<alias>__uk`, `<alias>__ru`.
         */
        RequestRow: {
            [key: string]: unknown;
        };
        /**
         * @description Result of `request` with links assembled (the default): an array of rows; `[]` when nothing matched
         *     (observed by the public SDK).
         */
        RequestRows: components["schemas"]["RequestRow"][];
        /** @description Result of `request` with `assembleLinks: false`: the aliases in `columns`, and rows as positional arrays of values (ids only). */
        RequestTable: {
            /** @description Aliases of the columns, in the order of the row values. */
            columns: string[];
            /** @description Rows; each an array of values in the order of `columns`. */
            data: (string | number | boolean | null)[][];
        };
        /**
         * @description Success of a `call` method (shape from the public SDK's tests; unconfirmed). For `saleOrderCreate`, `data`
         *     is the created order as `getObject` returns it; its id is at `data.header.id.id`.
         */
        CallSuccess: {
            /** @constant */
            status: "success";
            /** @description The method's result. */
            data: {
                [key: string]: unknown;
            };
        };
        /** @description One row of `getStatistic` (fields from the official page; value types and the array wrapper are unconfirmed). */
        StatisticRow: {
            /** @description Day the statistics were collected for. */
            date?: string;
            /** @description API method (`action`) called. */
            method?: string;
            /** @description `clientID` sent in the packets. */
            clientID?: string;
            /** @description Code of the partner integration (set in the API node). */
            partnerIntegrationCode?: string;
            /** @description Number of requests. */
            counter?: number | string;
            /** @description Number of errors. */
            errorCounter?: number | string;
            /** @description API version. */
            apiVersion?: string;
            /** @description Type of the database object. */
            dbObject?: string;
        };
        /** @description Result of `getStatistic` — rows per day, method, client and object type (wrapper unconfirmed). */
        StatisticRows: components["schemas"]["StatisticRow"][];
        /** @description One object type in `listMetadata` (unconfirmed). */
        MetadataEntry: {
            /** @description Id of the type's metadata record. */
            id?: string;
            /** @description First 5 digits of the ids of objects of this type. */
            idPrefix?: string;
            /** @description Display name of the type. */
            presentation?: string;
        } & {
            [key: string]: unknown;
        };
        /** @description Result of `listMetadata` — object types keyed by name (unconfirmed, from the SDK's tests). */
        MetadataList: {
            [key: string]: components["schemas"]["MetadataEntry"];
        };
        /** @description Result of `getMetadata` — an object type with its fields in `reqs` (unconfirmed, from the SDK's tests). */
        MetadataDescription: {
            name: components["schemas"]["MetadataName"];
            /** @description First 5 digits of the ids of objects of this type. */
            idPrefix?: string;
            /** @description Fields (реквізити) keyed by name; the description of each field is unconfirmed. */
            reqs?: {
                [key: string]: {
                    [key: string]: unknown;
                };
            };
        } & {
            [key: string]: unknown;
        };
        /**
         * @description Error of the universal actions, answered with HTTP `200` (shape observed by public clients; texts vary):
         *     e.g. `bad key`, `Access to catalogs.goods denied, check role settings`, `object with id … not found`.
         *     `clientMessages` (optional, possibly empty) carries messages meant for the user.
         */
        ApiError: {
            /** @description Error text. */
            error: string;
            /** @description Messages for the user (contents unconfirmed). */
            clientMessages?: (string | {
                [key: string]: unknown;
            })[];
        };
        /** @description Error of a `call` method, answered with HTTP `200` (observed by the public SDK). */
        CallError: {
            /** @constant */
            status: "error";
            /** @description Error text, e.g. `Bad value type for column person`. */
            errorMessage: string;
            /** @description Empty in the errors seen. */
            data?: unknown[];
        };
        /** @description Notification sent in the `packet` query parameter of the webhook GET. Other fields may be added by Dilovod. */
        WebhookPacket: {
            /** @constant */
            action: "objectChanged";
            params: components["schemas"]["ObjectChangedParams"];
        };
        /** @description Which object was changed. */
        ObjectChangedParams: {
            objectName: components["schemas"]["MetadataName"];
            id: components["schemas"]["ObjectId"];
        };
    };
    responses: {
        /**
         * @description The result of the action — **or an API error**: Dilovod answers errors with HTTP `200` too. The body is one
         *     of the shapes in `GatewayResultBody`; which one follows from the packet's `action` (and `assembleLinks` for
         *     `request`), and an error is recognised by an `error` property (`ApiError`) or `status: "error"`
         *     (`CallError`). Success bodies are unconfirmed (from the public SDK's tests), see each schema.
         */
        GatewayResult: {
            headers: {
                [name: string]: unknown;
            };
            content: {
                "application/json": components["schemas"]["GatewayResultBody"];
            };
        };
        /**
         * @description Server fault (transport level, **unconfirmed**: not documented; the body may be an HTML page). Retry later,
         *     one request at a time.
         */
        InternalServerError: {
            headers: {
                [name: string]: unknown;
            };
            content: {
                "application/json": components["schemas"]["ApiError"];
            };
        };
        /**
         * @description The gateway's front server could not reach the application (seen by public clients; body unconfirmed,
         *     typically an HTML page). Retry later, one request at a time.
         */
        BadGateway: {
            headers: {
                [name: string]: unknown;
            };
            content: {
                "text/html": string;
            };
        };
        /**
         * @description The receiver accepted the notification. What Dilovod expects in the body, and whether it retries on other
         *     answers, is **unconfirmed**; an empty body is enough.
         */
        WebhookAccepted: {
            headers: {
                [name: string]: unknown;
            };
            content: {
                "text/plain": string;
            };
        };
        /** @description The `packet` parameter is missing, is not JSON, or is not an `objectChanged` notification. */
        WebhookMalformed: {
            headers: {
                [name: string]: unknown;
            };
            content: {
                "text/plain": string;
            };
        };
        /**
         * @description The request did not come from `88.198.50.253`, the only address Dilovod sends webhooks from (webhooks carry
         *     no signature, so the source address is the only check).
         */
        WebhookForbidden: {
            headers: {
                [name: string]: unknown;
            };
            content: {
                "text/plain": string;
            };
        };
    };
    parameters: {
        /**
         * @description The notification as JSON text (URL-encoded in the query string), a `WebhookPacket`:
         *     `{"action":"objectChanged","params":{"objectName":…,"id":…}}`. Modelled like the gateway's form field — a
         *     string with `contentMediaType: application/json` and `contentSchema: WebhookPacket` — so generated types give
         *     `packet: string` (openapi-typescript types a `content: application/json` parameter as `string` as well) and
         *     export `WebhookPacket`; parse the value with `JSON.parse` and treat it as a `WebhookPacket`.
         */
        WebhookPacket: string;
    };
    requestBodies: never;
    headers: never;
    pathItems: never;
}
export type $defs = Record<string, never>;
export interface operations {
    callGateway: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * @description `application/x-www-form-urlencoded`, UTF-8, exactly one field: `packet`, the JSON text of a `Packet`
         *     (URL-encoded on the wire, e.g. `curl --data-urlencode 'packet={…}'`).
         */
        requestBody: {
            content: {
                "application/x-www-form-urlencoded": {
                    /**
                     * @description JSON text of the packet (`Packet`: `version`, `key`, optional `clientID`, `action`, `params`).
                     *     Generated types show `string`; build a `Packet` and send `JSON.stringify(packet)`.
                     * @example {"version":"0.2","key":"xxxxxxxxxxxxxxxx","action":"getObject","params":{"id":"1110800000001029"}}
                     */
                    packet: string;
                };
            };
        };
        responses: {
            200: components["responses"]["GatewayResult"];
            500: components["responses"]["InternalServerError"];
            502: components["responses"]["BadGateway"];
        };
    };
    receiveObjectChanged: {
        parameters: {
            query: {
                /**
                 * @description The notification as JSON text (URL-encoded in the query string), a `WebhookPacket`:
                 *     `{"action":"objectChanged","params":{"objectName":…,"id":…}}`. Modelled like the gateway's form field — a
                 *     string with `contentMediaType: application/json` and `contentSchema: WebhookPacket` — so generated types give
                 *     `packet: string` (openapi-typescript types a `content: application/json` parameter as `string` as well) and
                 *     export `WebhookPacket`; parse the value with `JSON.parse` and treat it as a `WebhookPacket`.
                 */
                packet: components["parameters"]["WebhookPacket"];
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: components["responses"]["WebhookAccepted"];
            400: components["responses"]["WebhookMalformed"];
            403: components["responses"]["WebhookForbidden"];
        };
    };
}
