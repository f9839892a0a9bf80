import type { MemberRole, OrganizationType } from '../../platform/access/organization-roles.js';
import type { NewLocation } from '../locations/index.js';

export interface DemoMember {
  name: string;
  email: string;
  role: MemberRole;
}

/** A location of the demo world and how it keeps stock. */
export interface DemoLocation extends NewLocation {
  key: string;
  /** Who records its stock operations (a member holding `stock.write`). */
  keeper: string;
  /** The share of the stockable catalog it keeps (0 keeps none). */
  range: number;
  /** Stock kept relative to the central warehouse. */
  scale: number;
  /** The integrator documents that take stock out: an ERP's orders or a job-card system's. */
  documents?: { type: string; prefix: string; perDay: number };
}

export interface DemoOrganization {
  key: string;
  type: OrganizationType;
  name: string;
  members: readonly DemoMember[];
  locations: readonly DemoLocation[];
}

const email = (local: string) => `${local}@demo.spareflow.in`;

const address = (
  contactName: string,
  phone: string,
  line1: string,
  city: string,
  state: NewLocation['address']['state'],
  pincode: string,
): NewLocation['address'] => ({ contactName, phone, line1, city, state, pincode });

/**
 * The demo world's network: the brand with warehouses in four states, its distributor and three
 * service centres with stock of their own elsewhere, a customer and the platform administrator.
 * The first member of each organization is its owner, whose login the start-up banner prints.
 * PIN codes are real ones of the city and state named.
 */
export const demoOrganizations: readonly DemoOrganization[] = [
  {
    key: 'platform',
    type: 'platform',
    name: 'SpareFlow Platform',
    members: [{ name: 'Platform Admin (demo)', email: email('admin'), role: 'owner' }],
    locations: [],
  },
  {
    key: 'brand',
    type: 'brand',
    name: 'Kaveri Home Appliances (demo)',
    members: [
      { name: 'Anita Rao', email: email('brand'), role: 'owner' },
      { name: 'Rahul Menon', email: email('rahul.menon'), role: 'admin' },
      { name: 'Imran Shaikh', email: email('imran.shaikh'), role: 'manager' },
      { name: 'Gurpreet Kaur', email: email('gurpreet.kaur'), role: 'manager' },
      { name: 'Ramesh Gowda', email: email('ramesh.gowda'), role: 'manager' },
      { name: 'Bikash Das', email: email('bikash.das'), role: 'manager' },
      { name: 'Sneha Joshi', email: email('sneha.joshi'), role: 'operator' },
      { name: 'Lakshmi Iyer', email: email('lakshmi.iyer'), role: 'viewer' },
    ],
    locations: [
      {
        key: 'bhiwandi',
        name: 'Central spares warehouse, Bhiwandi',
        // prettier-ignore
        address: address('Anita Rao', '+919820012345', 'Gala 14, Rajlaxmi Logistics Park, Mumbai-Nashik Highway', 'Bhiwandi', 'Maharashtra', '421302'),
        keeper: email('imran.shaikh'),
        range: 1,
        scale: 1,
        documents: { type: 'erp_sales_order', prefix: 'SO-BWD-', perDay: 0.4 },
      },
      {
        key: 'okhla',
        name: 'North India warehouse, Okhla',
        // prettier-ignore
        address: address('Gurpreet Kaur', '+919811045678', 'B-72, Okhla Industrial Area Phase II', 'New Delhi', 'Delhi', '110020'),
        keeper: email('gurpreet.kaur'),
        range: 0.5,
        scale: 0.45,
        documents: { type: 'erp_sales_order', prefix: 'SO-DEL-', perDay: 0.25 },
      },
      {
        key: 'peenya',
        name: 'South India warehouse, Peenya',
        // prettier-ignore
        address: address('Ramesh Gowda', '+919845056789', 'Plot 31, 2nd Phase, Peenya Industrial Area', 'Bengaluru', 'Karnataka', '560058'),
        keeper: email('ramesh.gowda'),
        range: 0.5,
        scale: 0.45,
        documents: { type: 'erp_sales_order', prefix: 'SO-BLR-', perDay: 0.25 },
      },
      {
        key: 'guwahati',
        name: 'North-East depot, Guwahati',
        // prettier-ignore
        address: address('Bikash Das', '+919864067890', 'Godown 5, NH-37 Transport Nagar, Betkuchi', 'Guwahati', 'Assam', '781035'),
        keeper: email('bikash.das'),
        range: 0.3,
        scale: 0.25,
        documents: { type: 'erp_sales_order', prefix: 'SO-GAU-', perDay: 0.12 },
      },
    ],
  },
  {
    key: 'distributor',
    type: 'distributor',
    name: 'Deccan Spares Distributors (demo)',
    members: [
      { name: 'Vikram Patil', email: email('distributor'), role: 'owner' },
      { name: 'Srinivas Reddy', email: email('srinivas.reddy'), role: 'manager' },
      { name: 'Farhan Qureshi', email: email('farhan.qureshi'), role: 'operator' },
    ],
    locations: [
      {
        key: 'hadapsar',
        name: 'Deccan Spares godown, Hadapsar',
        // prettier-ignore
        address: address('Vikram Patil', '+919850023456', 'Shop 3, Magarpatta Road, Hadapsar Industrial Estate', 'Pune', 'Maharashtra', '411028'),
        keeper: email('distributor'),
        range: 0.15,
        scale: 0.2,
        documents: { type: 'dms_order', prefix: 'DSD-PUN-', perDay: 0.15 },
      },
      {
        key: 'kukatpally',
        name: 'Deccan Spares godown, Kukatpally',
        // prettier-ignore
        address: address('Srinivas Reddy', '+919849078901', 'Plot 22, IDA Kukatpally, Balanagar Road', 'Hyderabad', 'Telangana', '500072'),
        keeper: email('srinivas.reddy'),
        range: 0.18,
        scale: 0.25,
        documents: { type: 'dms_order', prefix: 'DSD-HYD-', perDay: 0.2 },
      },
    ],
  },
  {
    key: 'service-pune',
    type: 'service_center',
    name: 'QuickFix Service Centre Pune (demo)',
    members: [
      { name: 'Sameer Kulkarni', email: email('service'), role: 'owner' },
      { name: 'Rohit Pawar', email: email('rohit.pawar'), role: 'operator' },
    ],
    locations: [
      {
        key: 'kothrud',
        name: 'QuickFix workshop, Kothrud',
        // prettier-ignore
        address: address('Sameer Kulkarni', '+919890034567', '12 Paud Road, near Karve Statue', 'Pune', 'Maharashtra', '411038'),
        keeper: email('service'),
        range: 0.08,
        scale: 0.08,
        documents: { type: 'job_card', prefix: 'JC-PUN-', perDay: 0.2 },
      },
    ],
  },
  {
    key: 'service-chennai',
    type: 'service_center',
    name: 'CoolCare Service Centre Chennai (demo)',
    members: [
      { name: 'Karthik Subramanian', email: email('service.chennai'), role: 'owner' },
      { name: 'Meena Krishnan', email: email('meena.krishnan'), role: 'manager' },
    ],
    locations: [
      {
        key: 'guindy',
        name: 'CoolCare workshop, Guindy',
        // prettier-ignore
        address: address('Meena Krishnan', '+919841089012', 'No. 8, SIDCO Industrial Estate, Guindy', 'Chennai', 'Tamil Nadu', '600032'),
        keeper: email('meena.krishnan'),
        range: 0.08,
        scale: 0.08,
        documents: { type: 'job_card', prefix: 'JC-CHN-', perDay: 0.2 },
      },
    ],
  },
  {
    key: 'service-jaipur',
    type: 'service_center',
    name: 'Pink City Appliance Care Jaipur (demo)',
    members: [
      { name: 'Arjun Rathore', email: email('service.jaipur'), role: 'owner' },
      { name: 'Pooja Sharma', email: email('pooja.sharma'), role: 'viewer' },
    ],
    locations: [
      {
        key: 'malviya-nagar',
        name: 'Pink City workshop, Malviya Nagar',
        // prettier-ignore
        address: address('Arjun Rathore', '+919829090123', 'E-41, Malviya Industrial Area', 'Jaipur', 'Rajasthan', '302017'),
        keeper: email('service.jaipur'),
        range: 0.07,
        scale: 0.07,
        documents: { type: 'job_card', prefix: 'JC-JAI-', perDay: 0.15 },
      },
    ],
  },
  {
    key: 'customer',
    type: 'customer',
    name: 'Coastal Residency Hotels (demo)',
    members: [{ name: 'Joseph Mathew', email: email('customer'), role: 'owner' }],
    locations: [
      {
        key: 'kakkanad',
        name: 'Coastal Residency engineering store, Kakkanad',
        // prettier-ignore
        address: address('Joseph Mathew', '+919847001234', 'Coastal Residency, Seaport-Airport Road', 'Kochi', 'Kerala', '682030'),
        keeper: email('customer'),
        range: 0,
        scale: 0,
      },
    ],
  },
];

/** The brand's partners, linked as active on every seed. */
export const demoPartnerKeys = ['distributor', 'service-pune', 'service-chennai', 'service-jaipur'];
