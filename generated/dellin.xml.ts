// Generated from specs/dellin.yaml by `npm run generate`. Do not edit by hand.
// For each operation with an XML body: which elements repeat, which texts are numbers, booleans or strings, and which
// elements hold objects (`*`: any member name).

export interface XmlShape {
  root: string;
  arrays: readonly string[];
  numbers: readonly string[];
  integers: readonly string[];
  booleans: readonly string[];
  strings: readonly string[];
  objects: readonly string[];
}

export const xmlShapes: Readonly<Record<string, XmlShape>> = {
  "DellinError": {
    "root": "response",
    "arrays": [
      "response.errors",
      "response.errors.badValues",
      "response.errors.fields",
      "response.errors.validValues"
    ],
    "numbers": [
      "response.errors.code",
      "response.metadata.status"
    ],
    "integers": [
      "response.errors.code",
      "response.metadata.status"
    ],
    "booleans": [],
    "strings": [
      "response.errors.detail",
      "response.errors.fields",
      "response.errors.link",
      "response.errors.title",
      "response.metadata.detail",
      "response.metadata.generatedAt",
      "response.metadata.generated_at"
    ],
    "objects": [
      "response",
      "response.errors",
      "response.metadata"
    ]
  },
  "RequestDeliveryResponse": {
    "root": "response",
    "arrays": [
      "response.data.foundAddresses",
      "response.data.information"
    ],
    "numbers": [
      "response.data.requestID",
      "response.metadata.status"
    ],
    "integers": [
      "response.data.requestID",
      "response.metadata.status"
    ],
    "booleans": [],
    "strings": [
      "response.data.foundAddresses.field",
      "response.data.foundAddresses.result",
      "response.data.foundAddresses.source",
      "response.data.information",
      "response.data.state",
      "response.metadata.detail",
      "response.metadata.generatedAt",
      "response.metadata.generated_at"
    ],
    "objects": [
      "response",
      "response.data",
      "response.data.foundAddresses",
      "response.metadata"
    ]
  },
  "RequestDeliveryRequest": {
    "root": "request",
    "arrays": [
      "request.delivery.arrival.requirements",
      "request.members.receiver.contactIDs",
      "request.members.receiver.contactPersons",
      "request.members.receiver.phoneIDs",
      "request.members.receiver.phoneNumbers",
      "request.members.third.contactIDs",
      "request.members.third.contactPersons",
      "request.members.third.phoneIDs",
      "request.members.third.phoneNumbers"
    ],
    "numbers": [
      "request.delivery.arrival.addressID",
      "request.delivery.arrival.handling.carry",
      "request.delivery.arrival.handling.toFloor",
      "request.members.receiver.contactIDs",
      "request.members.receiver.counteragentID",
      "request.members.receiver.phoneIDs",
      "request.members.third.contactIDs",
      "request.members.third.counteragentID",
      "request.members.third.phoneIDs"
    ],
    "integers": [
      "request.delivery.arrival.addressID",
      "request.delivery.arrival.handling.carry",
      "request.delivery.arrival.handling.toFloor",
      "request.members.receiver.contactIDs",
      "request.members.receiver.counteragentID",
      "request.members.receiver.phoneIDs",
      "request.members.third.contactIDs",
      "request.members.third.counteragentID",
      "request.members.third.phoneIDs"
    ],
    "booleans": [
      "request.delivery.arrival.handling.freightLift",
      "request.delivery.arrival.time.exactTime",
      "request.members.receiver.dataForReceipt.send",
      "request.members.third.dataForReceipt.send"
    ],
    "strings": [
      "request.appkey",
      "request.delivery.arrival.address.building",
      "request.delivery.arrival.address.flat",
      "request.delivery.arrival.address.house",
      "request.delivery.arrival.address.search",
      "request.delivery.arrival.address.street",
      "request.delivery.arrival.address.structure",
      "request.delivery.arrival.payer",
      "request.delivery.arrival.produceDate",
      "request.delivery.arrival.requirements",
      "request.delivery.arrival.time.breakEnd",
      "request.delivery.arrival.time.breakStart",
      "request.delivery.arrival.time.worktimeEnd",
      "request.delivery.arrival.time.worktimeStart",
      "request.delivery.comment",
      "request.docID",
      "request.members.receiver.contactPersons.name",
      "request.members.receiver.counteragent.document.number",
      "request.members.receiver.counteragent.document.serial",
      "request.members.receiver.counteragent.document.type",
      "request.members.receiver.counteragent.form",
      "request.members.receiver.counteragent.inn",
      "request.members.receiver.counteragent.juridicalAddress.building",
      "request.members.receiver.counteragent.juridicalAddress.flat",
      "request.members.receiver.counteragent.juridicalAddress.house",
      "request.members.receiver.counteragent.juridicalAddress.search",
      "request.members.receiver.counteragent.juridicalAddress.street",
      "request.members.receiver.counteragent.juridicalAddress.structure",
      "request.members.receiver.counteragent.name",
      "request.members.receiver.dataForReceipt.email",
      "request.members.receiver.dataForReceipt.phone",
      "request.members.receiver.email",
      "request.members.receiver.phoneNumbers.ext",
      "request.members.receiver.phoneNumbers.number",
      "request.members.third.contactPersons.name",
      "request.members.third.counteragent.document.number",
      "request.members.third.counteragent.document.serial",
      "request.members.third.counteragent.document.type",
      "request.members.third.counteragent.form",
      "request.members.third.counteragent.inn",
      "request.members.third.counteragent.juridicalAddress.building",
      "request.members.third.counteragent.juridicalAddress.flat",
      "request.members.third.counteragent.juridicalAddress.house",
      "request.members.third.counteragent.juridicalAddress.search",
      "request.members.third.counteragent.juridicalAddress.street",
      "request.members.third.counteragent.juridicalAddress.structure",
      "request.members.third.counteragent.name",
      "request.members.third.dataForReceipt.email",
      "request.members.third.dataForReceipt.phone",
      "request.members.third.email",
      "request.members.third.phoneNumbers.ext",
      "request.members.third.phoneNumbers.number",
      "request.notify.email",
      "request.notify.phone",
      "request.payment.email",
      "request.payment.paymentCity",
      "request.payment.paymentCitySearch.search",
      "request.payment.promocode",
      "request.payment.type",
      "request.sessionID"
    ],
    "objects": [
      "request",
      "request.delivery",
      "request.delivery.arrival",
      "request.delivery.arrival.address",
      "request.delivery.arrival.handling",
      "request.delivery.arrival.time",
      "request.members",
      "request.members.receiver",
      "request.members.receiver.contactPersons",
      "request.members.receiver.counteragent",
      "request.members.receiver.counteragent.document",
      "request.members.receiver.counteragent.juridicalAddress",
      "request.members.receiver.dataForReceipt",
      "request.members.receiver.phoneNumbers",
      "request.members.third",
      "request.members.third.contactPersons",
      "request.members.third.counteragent",
      "request.members.third.counteragent.document",
      "request.members.third.counteragent.juridicalAddress",
      "request.members.third.dataForReceipt",
      "request.members.third.phoneNumbers",
      "request.notify",
      "request.payment",
      "request.payment.paymentCitySearch"
    ]
  },
  "DeliveryDatesResponse": {
    "root": "response",
    "arrays": [
      "response.data.dates",
      "response.data.foundAddresses"
    ],
    "numbers": [
      "response.metadata.status"
    ],
    "integers": [
      "response.metadata.status"
    ],
    "booleans": [],
    "strings": [
      "response.data.dates",
      "response.data.foundAddresses.field",
      "response.data.foundAddresses.result",
      "response.data.foundAddresses.source",
      "response.metadata.detail",
      "response.metadata.generatedAt",
      "response.metadata.generated_at"
    ],
    "objects": [
      "response",
      "response.data",
      "response.data.foundAddresses",
      "response.metadata"
    ]
  },
  "DeliveryDatesRequest": {
    "root": "request",
    "arrays": [
      "request.delivery.arrival.requirements"
    ],
    "numbers": [
      "request.delivery.arrival.addressID",
      "request.delivery.arrival.handling.carry",
      "request.delivery.arrival.handling.toFloor"
    ],
    "integers": [
      "request.delivery.arrival.addressID",
      "request.delivery.arrival.handling.carry",
      "request.delivery.arrival.handling.toFloor"
    ],
    "booleans": [
      "request.delivery.arrival.handling.freightLift",
      "request.delivery.arrival.time.exactTime"
    ],
    "strings": [
      "request.appkey",
      "request.delivery.arrival.address.building",
      "request.delivery.arrival.address.flat",
      "request.delivery.arrival.address.house",
      "request.delivery.arrival.address.search",
      "request.delivery.arrival.address.street",
      "request.delivery.arrival.address.structure",
      "request.delivery.arrival.city",
      "request.delivery.arrival.requirements",
      "request.docID",
      "request.sessionID"
    ],
    "objects": [
      "request",
      "request.delivery",
      "request.delivery.arrival",
      "request.delivery.arrival.address",
      "request.delivery.arrival.handling",
      "request.delivery.arrival.time"
    ]
  },
  "LoginResponse": {
    "root": "response",
    "arrays": [],
    "numbers": [
      "response.metadata.status"
    ],
    "integers": [
      "response.metadata.status"
    ],
    "booleans": [],
    "strings": [
      "response.data.sessionID",
      "response.metadata.detail",
      "response.metadata.generatedAt",
      "response.metadata.generated_at"
    ],
    "objects": [
      "response",
      "response.data",
      "response.metadata"
    ]
  },
  "LoginRequest": {
    "root": "request",
    "arrays": [],
    "numbers": [],
    "integers": [],
    "booleans": [],
    "strings": [
      "request.appkey",
      "request.login",
      "request.password"
    ],
    "objects": [
      "request"
    ]
  },
  "LogoutResponse": {
    "root": "response",
    "arrays": [],
    "numbers": [
      "response.metadata.status"
    ],
    "integers": [
      "response.metadata.status"
    ],
    "booleans": [],
    "strings": [
      "response.metadata.detail",
      "response.metadata.generatedAt",
      "response.metadata.generated_at"
    ],
    "objects": [
      "response",
      "response.data",
      "response.metadata"
    ]
  },
  "SessionRequest": {
    "root": "request",
    "arrays": [],
    "numbers": [],
    "integers": [],
    "booleans": [],
    "strings": [
      "request.appkey",
      "request.sessionID"
    ],
    "objects": [
      "request"
    ]
  },
  "SessionInfoResponse": {
    "root": "response",
    "arrays": [],
    "numbers": [
      "response.metadata.status"
    ],
    "integers": [
      "response.metadata.status"
    ],
    "booleans": [
      "response.data.session.expired"
    ],
    "strings": [
      "response.data.session.expireTime",
      "response.metadata.detail",
      "response.metadata.generatedAt",
      "response.metadata.generated_at"
    ],
    "objects": [
      "response",
      "response.data",
      "response.data.session",
      "response.metadata"
    ]
  }
};

/** Per operation: its path, and the name in `xmlShapes` of its request's shape and of each response status's shape. */
export const xmlOperations: Readonly<Record<string, { path: string; request?: string; responses: Readonly<Record<string, string>> }>> = {
  "requestDelivery": {
    "path": "/v2/request_delivery.json",
    "responses": {
      "400": "DellinError",
      "401": "DellinError",
      "403": "DellinError",
      "404": "DellinError",
      "500": "DellinError"
    }
  },
  "requestDeliveryXml": {
    "path": "/v2/request_delivery.xml",
    "request": "RequestDeliveryRequest",
    "responses": {
      "200": "RequestDeliveryResponse",
      "400": "DellinError",
      "401": "DellinError",
      "403": "DellinError",
      "404": "DellinError",
      "500": "DellinError"
    }
  },
  "deliveryDates": {
    "path": "/v2/request_delivery/address/dates.json",
    "responses": {
      "400": "DellinError",
      "401": "DellinError",
      "403": "DellinError",
      "404": "DellinError",
      "500": "DellinError"
    }
  },
  "deliveryDatesXml": {
    "path": "/v2/request_delivery/address/dates.xml",
    "request": "DeliveryDatesRequest",
    "responses": {
      "200": "DeliveryDatesResponse",
      "400": "DellinError",
      "401": "DellinError",
      "403": "DellinError",
      "404": "DellinError",
      "500": "DellinError"
    }
  },
  "login": {
    "path": "/v3/auth/login.json",
    "responses": {
      "400": "DellinError",
      "401": "DellinError",
      "403": "DellinError",
      "404": "DellinError",
      "500": "DellinError"
    }
  },
  "loginXml": {
    "path": "/v3/auth/login.xml",
    "request": "LoginRequest",
    "responses": {
      "200": "LoginResponse",
      "400": "DellinError",
      "401": "DellinError",
      "403": "DellinError",
      "404": "DellinError",
      "500": "DellinError"
    }
  },
  "logout": {
    "path": "/v3/auth/logout.json",
    "responses": {
      "400": "DellinError",
      "401": "DellinError",
      "403": "DellinError",
      "404": "DellinError",
      "500": "DellinError"
    }
  },
  "logoutXml": {
    "path": "/v3/auth/logout.xml",
    "request": "SessionRequest",
    "responses": {
      "200": "LogoutResponse",
      "400": "DellinError",
      "401": "DellinError",
      "403": "DellinError",
      "404": "DellinError",
      "500": "DellinError"
    }
  },
  "sessionInfo": {
    "path": "/v3/auth/session_info.json",
    "responses": {
      "400": "DellinError",
      "401": "DellinError",
      "403": "DellinError",
      "404": "DellinError",
      "500": "DellinError"
    }
  },
  "sessionInfoXml": {
    "path": "/v3/auth/session_info.xml",
    "request": "SessionRequest",
    "responses": {
      "200": "SessionInfoResponse",
      "400": "DellinError",
      "401": "DellinError",
      "403": "DellinError",
      "404": "DellinError",
      "500": "DellinError"
    }
  }
};
