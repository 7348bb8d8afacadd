import type { Visibility } from './youth.values.ts';

export interface YouthProfileFields {
  id: string;
  firstName: string;
  lastName: string;
  email: string;
  phone: string;
  wishToTry: string;
  goodAt: string;
  mattersAtWork: string;
  practicalHours: string;
  practicalTransport: string;
  canStartOn: string | null;
  visibility: Visibility;
  photoUpdatedAt: Date | null;
}

/** What a company in the network sees of a young person: only what they chose to share. */
export interface CompanyViewOfYouth {
  id: string;
  firstName: string;
  lastName?: string;
  wishToTry?: string;
  goodAt?: string;
  mattersAtWork?: string;
  practicalHours?: string;
  practicalTransport?: string;
  canStartOn?: string | null;
  email?: string;
  phone?: string;
  /** Where the photo is, when there is one and it is shared. */
  photoUrl?: string;
}

/** Pure, so the young person's preview and the companies' directory are the same function. */
export function companyView(y: YouthProfileFields): CompanyViewOfYouth {
  const v = y.visibility;
  return {
    id: y.id,
    firstName: y.firstName,
    ...(v.fullName ? { lastName: y.lastName } : {}),
    ...(v.interests ? { wishToTry: y.wishToTry } : {}),
    ...(v.strengths ? { goodAt: y.goodAt } : {}),
    ...(v.values ? { mattersAtWork: y.mattersAtWork } : {}),
    ...(v.practical ? { practicalHours: y.practicalHours, practicalTransport: y.practicalTransport, canStartOn: y.canStartOn } : {}),
    ...(v.contact ? { email: y.email, phone: y.phone } : {}),
    ...(v.photo && y.photoUpdatedAt ? { photoUrl: `/youth/${y.id}/photo?v=${y.photoUpdatedAt.getTime()}` } : {}),
  };
}
